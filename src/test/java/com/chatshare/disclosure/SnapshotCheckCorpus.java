package com.chatshare.disclosure;

import com.chatshare.disclosure.SnapshotCheck.Kind;
import java.util.List;

/**
 * What the check before sharing must find, and what it must leave alone, as people paste it into
 * a chat: in prose, in Markdown code blocks, in configuration files and shell sessions. Every key,
 * token and password here was made up for this file (random characters in each provider's
 * format); card numbers and IBANs are the networks' and banks' published test numbers.
 */
public final class SnapshotCheckCorpus {

    /**
     * One thing that must be found.
     *
     * @param kind what it must be found as
     * @param text the message
     * @param secret the part that must lie inside the finding and never appear in what is shown
     */
    public record Sample(Kind kind, String text, String secret) {

        @Override
        public String toString() {
            return kind + ": " + (text.length() > 60 ? text.substring(0, 60) + "…" : text);
        }
    }

    /**
     * One thing that must not warn.
     *
     * @param what what it is, for the test's name
     * @param text the message
     */
    public record NearMiss(String what, String text) {

        @Override
        public String toString() {
            return what;
        }
    }

    static final String RSA_BODY = """
            T8L5c7bBdkE8bMfrWThTQiKcd7zSnBdvUelB3XdIwr35V4o6ZsZDMoSxzClR7OiZ
            PTkQhEmtYgKeK/Hn4PFrA2sljk6tEBYio+9sm8pvXkE0hIhhc55egW/KiYnLdokd
            tJmBgTaJXIlO+HbiYVkU7ayGyrc7kBdVObrshjQOtGoES6ytK8DV9Zax+7SX4G7s
            vmLkGxGl5uXj8gFil7cl25UY0MqO8muDJBbYBZ3iutVjHfpyvJCDylVlLaiwaTUW""";

    static final String OPENSSH_BODY = """
            LVy+F770bPWLOZYh7hQW9Bw4ely6qmHNCsLLMiwkKTMX4k2v6pGu6r1nVeyWX3hO4sKzO+
            IaISY2gqB0HybDyDh2hX+8YNioTZ8H38qa7mBWgjsxBT9SVA5/fgFS6nH7Iul82uE44MRm""";

    public static final List<Sample> TRUE_POSITIVES = List.of(
            // Provider keys and tokens
            new Sample(Kind.API_KEY, "My key is sk-proj-mXmeyNdaKTGoeszaDGHxFAQLVeuzU-XFXO-eF28RlHnqzgsBH-5qWgnGV21q4Cl"
                    + "swscCTf07I8T3BlbkFJPjUhmi2ogviaNfrWta57_cLkIFKaEaTopYW5LSQdGrKNB4di4RX2G1zdW8FXpCEyGjFl6gdyK2,"
                    + " why does it fail?", "mXmeyNdaKTGoeszaDGHxFAQLVeuzU"),
            new Sample(Kind.API_KEY, "```python\nclient = OpenAI(api_key=\"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\")\n```",
                    "Do5VeOeTTlTxDSmygMxET3BlbkFJnWRwvFI1tdlNODi520rE"),
            new Sample(Kind.API_KEY, "ANTHROPIC_API_KEY=sk-ant-api03-nFIGLj5M7YYpHCOTHUtuJvbipRdkJAWZ4moUxm-yI5B-KGnplJJpdu0"
                    + "ol29vX6N-631mG8YE5-is-I4cZ2cSV8HTMyf8GAA", "nFIGLj5M7YYpHCOTHUtuJvbipRdkJAWZ4moUxm"),
            new Sample(Kind.API_KEY, "export OPENROUTER_API_KEY=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",
                    "914109fb9b54062479cfb5b7bad30198596637c9e3c3e2716c624bf3227734ff"),
            new Sample(Kind.API_KEY, "[default]\naws_access_key_id = AKIAUYEXHVRK56GWC4UA\n", "UYEXHVRK56GWC4UA"),
            new Sample(Kind.API_KEY, "The session used ASIADYMPGWKR3DLE3V6M until it expired.", "DYMPGWKR3DLE3V6M"),
            new Sample(Kind.API_KEY, "```ini\n[default]\naws_secret_access_key = 3t1MFLBvpGFhAsBYGoDDbzNeJECQrDgJxa1J/5Eg\n```",
                    "3t1MFLBvpGFhAsBYGoDDbzNeJECQrDgJxa1J/5Eg"),
            new Sample(Kind.API_KEY, "keys: AKIAUYEXHVRK56GWC4UA / +t6AHzNp+Zd9P2OLPibRiFuy4G4+XXaZEjKlA916 (rotate them)",
                    "+t6AHzNp+Zd9P2OLPibRiFuy4G4+XXaZEjKlA916"),
            new Sample(Kind.API_KEY, "git remote set-url origin https://ghp_vxy3KETVqyrxlbiUshF0U71P8FQdoE7bdiAP@github.com/acme/app",
                    "vxy3KETVqyrxlbiUshF0U71P8FQdoE7bdiAP"),
            new Sample(Kind.API_KEY, "token: gho_7W2lMm3Slycnsi71cuueG9n73bgUfJXaWoJA", "7W2lMm3Slycnsi71cuueG9n73bgUfJXaWoJA"),
            new Sample(Kind.API_KEY, "GITHUB_TOKEN=ghs_j4dvvKMZANA1NbOIEb52db9gTBmNMaZOigtu", "j4dvvKMZANA1NbOIEb52db9gTBmNMaZOigtu"),
            new Sample(Kind.API_KEY, "Fine-grained: github_pat_bcIUm1DXQulps9r089EAm4_FRVYnGlYNForEkcfRyvFllYLHBuP758sBXIvadwc"
                    + "IGYpbJb6dveHWYkWvMF", "FRVYnGlYNForEkcfRyvFllYLHBuP758sBXIvadwc"),
            new Sample(Kind.API_KEY, "curl --header \"PRIVATE-TOKEN: glpat-WWqQYypqWZzMpTiNIK5F\" https://gitlab.com/api/v4/projects",
                    "WWqQYypqWZzMpTiNIK5F"),
            new Sample(Kind.API_KEY, "SLACK_BOT_TOKEN=xoxb-097161665151-4343157704848-s8J6ivJ907StqREfgCE9Wrat",
                    "4343157704848-s8J6ivJ907StqREfgCE9Wrat"),
            new Sample(Kind.API_KEY, "Use `xoxp-645221499823-793864665118-8751362670945-9fdc88ec596edce851f94371053437f6` for the user scope",
                    "9fdc88ec596edce851f94371053437f6"),
            new Sample(Kind.API_KEY, "stripe.api_key = \"sk_live_KkS3ncE3ui9bKZSACKhkgFokVMmuEWvki5xqFq6GXoB2sWpqwHHQGecmCz2KseMb"
                    + "TJbQ06QZDFPE28UomexA5H7QaiuTzsL8sZB\"", "KkS3ncE3ui9bKZSACKhkgFokVMmuEWvki5xqFq6GXoB2sWpq"),
            new Sample(Kind.API_KEY, "restricted key rk_live_X3cadycdCpcJjdKrDjqhjQrJ", "X3cadycdCpcJjdKrDjqhjQrJ"),
            new Sample(Kind.API_KEY, "Stripe.apiKey = \"sk_test_guYp7s06ekMA2XzIXDasH4VK\";", "guYp7s06ekMA2XzIXDasH4VK"),
            new Sample(Kind.API_KEY, "<script src=\"https://maps.googleapis.com/maps/api/js?key=AIza2mKidvRg4n0jtt0iifDUEDrjFCAwRK9Axgh\">",
                    "2mKidvRg4n0jtt0iifDUEDrjFCAwRK9Axgh"),
            new Sample(Kind.API_KEY, "huggingface-cli login --token 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",
                    "TygzrUDhZzFCubwWpHcUiwubAnHzbGXric"),
            new Sample(Kind.API_KEY, "Authorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI0NzExIiwibmFtZSI6IkphbmUgUm9lIiwiaW"
                    + "F0IjoxNzY0NzQ4ODAwfQ.HWl7MzJzZ6Q7h-d2pG7gKe72OySuOAA2BAQNGPDBXPc",
                    "eyJzdWIiOiI0NzExIiwibmFtZSI6IkphbmUgUm9lIiwiaWF0IjoxNzY0NzQ4ODAwfQ"),
            new Sample(Kind.API_KEY, "Decode this: eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0.eyJpc3MiOiJodHRwczovL2F1dGguY2hhdHNoYXJlLmRldiIsImV4cCI6MT"
                    + "c2NzIyNTYwMH0.AspQxnSBVuLft4I98zKkH2TfsKfFb6_pBZQdN73GMixQmSr9Lgl9o13tuvpu6hvETEZWlvRC1X0hVfjwy4Bg_A",
                    "AspQxnSBVuLft4I98zKkH2TfsKfFb6_pBZQdN73GMixQmSr9Lgl9o13tuvpu6hvETEZWlvRC1X0hVfjwy4Bg_A"),
            // Private keys
            new Sample(Kind.PRIVATE_KEY, "```\n-----BEGIN RSA PRIVATE KEY-----\n" + RSA_BODY + "\n-----END RSA PRIVATE KEY-----\n```",
                    RSA_BODY),
            new Sample(Kind.PRIVATE_KEY, "Here is my id_ed25519, it stops working:\n-----BEGIN OPENSSH PRIVATE KEY-----\n"
                    + OPENSSH_BODY, OPENSSH_BODY),
            new Sample(Kind.PRIVATE_KEY, "-----BEGIN PGP PRIVATE KEY BLOCK-----\nVersion: GnuPG v2\n\n" + OPENSSH_BODY
                    + "\n-----END PGP PRIVATE KEY BLOCK-----", OPENSSH_BODY),
            // Passwords in URLs
            new Sample(Kind.PASSWORD, "spring.datasource.url=jdbc:postgresql://app:S3cr3t-pw@db.internal.corp:5432/app", "S3cr3t-pw"),
            new Sample(Kind.PASSWORD, "mongodb+srv://admin:hunter2x@cluster0.abcde.mongodb.net/?retryWrites=true", "hunter2x"),
            new Sample(Kind.PASSWORD, "REDIS_URL=redis://:Xk9pL2mQ@cache.local:6379/0", "Xk9pL2mQ"),
            // Passwords in settings
            new Sample(Kind.PASSWORD, "```java\nString password = \"hunter2!\";\n```", "hunter2!"),
            new Sample(Kind.PASSWORD, "{\"username\": \"jane\", \"password\": \"Tr0ub4dor&3\"}", "Tr0ub4dor&3"),
            new Sample(Kind.PASSWORD, "```\nDB_PASSWORD=s3cr3tP4ss\nDB_USER=app\n```", "s3cr3tP4ss"),
            new Sample(Kind.PASSWORD, "```yaml\nspring:\n  datasource:\n    password: Winter2026!\n```", "Winter2026!"),
            new Sample(Kind.PASSWORD, "spring.datasource.password=pgPw-7731", "pgPw-7731"),
            new Sample(Kind.PASSWORD, "GET /login?user=bob&password=qwerty123 HTTP/1.1", "qwerty123"),
            new Sample(Kind.PASSWORD, "```sh\nmysql -u root --password=hunter2x shop\n```", "hunter2x"),
            new Sample(Kind.PASSWORD, "docker run -e MYSQL_ROOT_PASSWORD=r00tPw! -d mysql:8.4", "r00tPw!"),
            new Sample(Kind.PASSWORD, "```java\nString passphrase = \"correct horse battery staple\";\n```",
                    "correct horse battery staple"),
            // E-mail addresses
            new Sample(Kind.EMAIL, "Please write to jane.doe@gmail.com about it.", "jane.doe"),
            new Sample(Kind.EMAIL, "Signed-off-by: Markus Müller <m.mueller@firma.de>", "m.mueller"),
            new Sample(Kind.EMAIL, "```\nuser.email = bob.smith+chat@outlook.com\n```", "bob.smith+chat"),
            new Sample(Kind.EMAIL, "My address: ana_lima77@proton.me", "ana_lima77"),
            // Phone numbers
            new Sample(Kind.PHONE, "Call me on +49 30 901820, from 9 to 5.", "901820"),
            new Sample(Kind.PHONE, "Office: +44 20 7946 0958", "7946 0958"),
            new Sample(Kind.PHONE, "Mobil: +49 151 23456789", "151 23456789"),
            new Sample(Kind.PHONE, "Our number is (201) 555-0123 if you are in the US.", "555-0123"),
            // Payment cards
            new Sample(Kind.PAYMENT_CARD, "Card 4111 1111 1111 1111, exp 12/28", "4111 1111 1111 1111"),
            new Sample(Kind.PAYMENT_CARD, "charge 5555555555554444 now", "5555555555554444"),
            new Sample(Kind.PAYMENT_CARD, "Amex: 3782-822463-10005.", "3782-822463-10005"),
            new Sample(Kind.PAYMENT_CARD, "| card | 6011 1111 1111 1117 |", "6011 1111 1111 1117"),
            new Sample(Kind.PAYMENT_CARD, "JCB 3530111333300000", "3530111333300000"),
            // IBANs
            new Sample(Kind.IBAN, "Überweisung an DE89 3704 0044 0532 0130 00 bitte.", "3704 0044 0532 0130 00"),
            new Sample(Kind.IBAN, "IBAN: GB29NWBK60161331926819", "NWBK60161331926819"),
            new Sample(Kind.IBAN, "Compte FR14 2004 1010 0505 0001 3M02 606", "2004 1010 0505 0001 3M02 606"),
            new Sample(Kind.IBAN, "`NL91ABNA0417164300`", "ABNA0417164300"));

    public static final List<NearMiss> NEAR_MISSES = List.of(
            new NearMiss("UUID", "Request id 3f2504e0-4f89-11d3-9a0c-0305e82c3301 failed"),
            new NearMiss("commit hash", "Fixed in 9fceb02d0ae598e95dc970b74767f19372d61af8."),
            new NearMiss("short commit hash", "git revert 9fceb02"),
            new NearMiss("ISBN-13 with dashes", "ISBN 978-3-16-148410-0"),
            new NearMiss("ISBN-10", "ISBN 0-306-40615-2"),
            new NearMiss("ISBN-13 without dashes", "isbn:9780306406157"),
            new NearMiss("ISO date", "Released on 2026-12-03."),
            new NearMiss("European date", "Termin am 03/12/2026 um 14:30"),
            new NearMiss("ISO timestamp", "\"createdAt\": \"2026-12-03T08:15:30.123Z\""),
            new NearMiss("version numbers", "Upgrade from Spring Boot 3.5.4 to 4.0.7 and Vaadin v25.2.5-beta.3"),
            new NearMiss("IPv4 address and port", "ssh to 192.168.178.23 or 10.0.0.1:8080"),
            new NearMiss("IPv6 address", "listen [2001:db8::1]:443"),
            new NearMiss("order number", "Order #A-2026-0004711 shipped"),
            new NearMiss("16 digits failing Luhn", "Card 4111 1111 1111 1112 was declined"),
            new NearMiss("Luhn-valid but too short for a card", "Account 79927398713"),
            new NearMiss("epoch milliseconds", "\"ts\": 1733212345678"),
            new NearMiss("base64 of ordinary text", "SGVsbG8sIHRoaXMgaXMganVzdCBhIHNlbnRlbmNlLg=="),
            new NearMiss("hex colours", "```css\n.button { color: #1e90ff; background: #ff8800; margin: 0 auto; }\n```"),
            new NearMiss("AWS documentation example keys", "aws_access_key_id = AKIAIOSFODNN7EXAMPLE\n"
                    + "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
            new NearMiss("GitHub token placeholder", "GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"),
            new NearMiss("OpenAI key placeholder", "OPENAI_API_KEY=sk-proj-YOUR_API_KEY_HERE_REPLACE_WITH_YOUR_OWN_KEY_0000"),
            new NearMiss("sk- in prose", "I trained it with sk-learn (scikit-learn) and sk-learn-intelex-2024 pipelines."),
            new NearMiss("Java annotation", "```java\n@Override\npublic String toString() { return name; }\n```"),
            new NearMiss("local address", "mail delivered to user@localhost"),
            new NearMiss("address at a documentation domain", "e.g. alice@example.com or bob@mail.example.org"),
            new NearMiss("Git remote", "git clone git@github.com:chatshare/chatshare.git"),
            new NearMiss("package versions", "npm install react@18.3.1 @types/node@22.10.2"),
            new NearMiss("image digest", "FROM nginx@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31"),
            new NearMiss("password field declaration", "```java\nprivate String password;\n```"),
            new NearMiss("password from a request", "```java\nString password = request.getParameter(\"password\");\n```"),
            new NearMiss("password from the environment", "```yaml\nspring:\n  datasource:\n    password: ${DB_PASSWORD}\n```"),
            new NearMiss("password from a prompt", "```python\npassword = getpass.getpass()\nuser_pw_hash = hash(password)\n```"),
            new NearMiss("password copied to a field", "```java\n    this.password = password;\n```"),
            new NearMiss("password passed on", "```java\nuser.setPassword(passwordEncoder.encode(raw));\n```"),
            new NearMiss("password input", "<input type=\"password\" name=\"password\" autocomplete=\"current-password\">"),
            new NearMiss("password hash", "{\"password\": \"$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy\"}"),
            new NearMiss("password message with spaces", "password = \"Must be at least 12 characters\""),
            new NearMiss("Sentry DSN (a URL user, no password)", "dsn: https://abc123@o123.ingest.sentry.io/456"),
            new NearMiss("SSH public key comment", "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7 jane@laptop"),
            new NearMiss("Anthropic key placeholder", "ANTHROPIC_API_KEY=sk-ant-api03-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"),
            new NearMiss("number with an invalid area code", "+1 (555) 123-4567"),
            new NearMiss("meeting ID and passcode", "Meeting ID: 845 1234 5678, passcode 123456"),
            new NearMiss("password compared", "```java\nif (password.equals(confirmation)) { save(password); }\n```"),
            new NearMiss("password policy constants", "```java\nstatic final int PASSWORD_MIN_LENGTH = 12;\n"
                    + "static final String PASSWORD_PATTERN = \"^(?=.*[0-9]).{12,}$\";\n```"),
            new NearMiss("password placeholder in a URL", "postgres://user:password@localhost:5432/db"),
            new NearMiss("password variable in a URL", "DATABASE_URL=postgres://app:${DB_PASSWORD}@db:5432/app"),
            new NearMiss("password label", "login.password=Password\npassword: \"Enter your password\""),
            new NearMiss("empty password", "{\"password\": \"\"}"),
            new NearMiss("password stars", "password: ********"),
            new NearMiss("prose about passwords", "Password: must be at least 12 characters. Passwords expire."),
            new NearMiss("phone-like numbers that are no phone numbers", "+1 123 456 7890 and +999 1234 5678"),
            new NearMiss("national number without a region", "Ruf an: 030 901820"),
            new NearMiss("IBAN with wrong check digits", "DE88 3704 0044 0532 0130 00"),
            new NearMiss("private key placeholder", "```\n-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----\n```"),
            new NearMiss("public key", "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo\n"
                    + "4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u\n-----END PUBLIC KEY-----"),
            new NearMiss("JSON Web Token look-alike without a signing algorithm",
                    "eyJmb28iOiJiYXIiLCJiYXoiOiJxdXghIn0.eyJoZWxsbyI6IndvcmxkIiwibiI6MX0.c2lnbmF0dXJlLWlzaC1ieXRlcw"),
            new NearMiss("Stripe publishable key", "Stripe('pk_test_TYooMQauvdEDq54NiTphI7jx')"),
            new NearMiss("coordinates and prices", "52.520008, 13.404954 costs 1,234,567.89 EUR"),
            new NearMiss("MAC address", "ether 00:1A:2B:3C:4D:5E"),
            new NearMiss("Markdown table of numbers", "| id | amount |\n|---|---|\n| 4711 | 1234.50 |\n| 4712 | 99.00 |"),
            new NearMiss("long number in code", "```java\nlong big = 12345678901234567890L;\n```"));

    private SnapshotCheckCorpus() {
    }
}
