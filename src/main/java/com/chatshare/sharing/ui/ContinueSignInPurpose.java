package com.chatshare.sharing.ui;

import com.chatshare.security.SignInReasons;
import com.chatshare.sharing.SharedChatService;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * On the way to continue a shared chat, the sign-in and registration pages say so: "Sign in to
 * continue “Banana bread”". The title only of a link anyone may read (what its public page shows
 * to anyone); for any other link "continue a shared chat", so a restricted link's title is not
 * shown to whoever holds its address.
 */
@Component
class ContinueSignInPurpose implements SignInReasons {

    private static final Pattern CONTINUE_PATH = Pattern.compile("/share/([A-Za-z0-9_-]{1,64})/continue");

    private final SharedChatService sharedChats;

    ContinueSignInPurpose(SharedChatService sharedChats) {
        this.sharedChats = sharedChats;
    }

    @Override
    public Optional<String> purpose(String path) {
        Matcher continuePath = CONTINUE_PATH.matcher(path);
        if (!continuePath.matches()) {
            return Optional.empty();
        }
        return Optional.of(sharedChats.findPublicTitle(continuePath.group(1))
                .map(title -> "continue “" + title + "”")
                .orElse("continue a shared chat"));
    }

    /** The continue page's path for a token, as the sign-in remembers it. */
    static String path(String token) {
        return "/share/" + token + "/continue";
    }
}
