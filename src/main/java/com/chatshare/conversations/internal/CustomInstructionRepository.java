package com.chatshare.conversations.internal;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CustomInstructionRepository extends JpaRepository<CustomInstruction, Long> {
}
