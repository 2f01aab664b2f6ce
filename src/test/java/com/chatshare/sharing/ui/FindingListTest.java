package com.chatshare.sharing.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatshare.disclosure.SnapshotCheck;
import org.junit.jupiter.api.Test;

/** How the share dialog words a finding: what it looks like, and only its masked form. */
class FindingListTest {

    static String describe(String text) {
        return FindingList.describe(SnapshotCheck.international().scan(text).getFirst());
    }

    @Test
    void findings_read_as_a_sentence_with_the_masked_value_only() {
        assertThat(describe("AWS_ACCESS_KEY_ID=AKIAZ7VQ4NLT3X2RBW5M")).startsWith("Looks like an AWS access key ID: AKIA")
                .doesNotContain("AKIAZ7VQ4NLT3X2RBW5M");
        assertThat(describe("pay to DE89 3704 0044 0532 0130 00")).isEqualTo("Looks like an IBAN: DE•• … 3000");
        assertThat(describe("postgres://app:S3cr3t-pw@db.internal.corp:5432/app"))
                .startsWith("Looks like a password in a URL: postgres://app:").doesNotContain("S3cr3t");
        assertThat(describe("write to jane.doe@gmail.com")).isEqualTo("Looks like an e-mail address: j•••@gmail.com");
    }
}
