package com.chatshare.conversations;

import com.chatshare.conversations.internal.CustomInstruction;
import com.chatshare.conversations.internal.CustomInstructionRepository;
import com.chatshare.security.CurrentUser;
import java.time.Clock;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed-in person's custom instructions: what the assistant should know or do in every chat,
 * sent as the system prompt with each request. They are private: nothing that shares or copies a
 * chat (a snapshot, its page and Markdown, an export, a continued copy) reads them.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class CustomInstructions {

    /** The longest instructions kept, in characters. */
    public static final int MAX_LENGTH = 4_000;
    public static final String TOO_LONG_MESSAGE = "Custom instructions can have at most "
            + String.format("%,d", MAX_LENGTH) + " characters.";

    private final CustomInstructionRepository instructions;
    private final CurrentUser currentUser;
    private final Clock clock;

    CustomInstructions(CustomInstructionRepository instructions, CurrentUser currentUser, Clock clock) {
        this.instructions = instructions;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** The caller's instructions; empty when they wrote none. */
    @Transactional(readOnly = true)
    public String current() {
        return instructions.findById(currentUser.requireUserId()).map(CustomInstruction::getContent).orElse("");
    }

    /** Keeps the caller's instructions for every chat from now on; blank removes them. */
    @Transactional
    public String change(String text) {
        String clean = text == null ? "" : text.strip();
        if (clean.length() > MAX_LENGTH) {
            throw new InvalidChatInputException(TOO_LONG_MESSAGE + " These have "
                    + String.format("%,d", clean.length()) + "; shorten them and save again.");
        }
        long userId = currentUser.requireUserId();
        if (clean.isEmpty()) {
            instructions.remove(userId);
        } else {
            instructions.put(userId, clean, clock.instant());
        }
        return clean;
    }
}
