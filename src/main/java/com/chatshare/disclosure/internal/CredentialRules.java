package com.chatshare.disclosure.internal;

import com.chatshare.disclosure.SnapshotCheck.Finding;
import com.chatshare.disclosure.SnapshotCheck.Kind;
import com.chatshare.disclosure.internal.SensitiveText.Text;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Secrets: provider tokens, private-key blocks, passwords in URLs and in settings.
 *
 * <p>The provider rules follow the default rules of gitleaks (github.com/gitleaks/gitleaks,
 * {@code config/gitleaks.toml}, MIT), loosened where a chat shows a key cut short or in a newer
 * format, and with the same idea of an allow-list: stand-ins from documentation
 * ({@link Masks#isPlaceholderToken}) are not secrets.
 */
final class CredentialRules {

    /** Not part of a longer token on the left. */
    private static final String START = "(?<![A-Za-z0-9_-])";
    /** Not part of a longer token on the right. */
    private static final String STOP = "(?![A-Za-z0-9_-])";

    /**
     * A provider's token: group {@code p} is the prefix that names the provider (shown), group
     * {@code s} the secret part (hidden). The hints are fixed text every match contains: without
     * one of them in the message the pattern does not run at all.
     */
    private record TokenRule(String label, List<String> hints, Pattern pattern, Predicate<String> accepts) {

        static TokenRule of(String label, List<String> hints, String regex, Predicate<String> accepts) {
            return new TokenRule(label, hints, Pattern.compile(regex), accepts);
        }

        static TokenRule of(String label, String hint, String regex) {
            return of(label, List.of(hint), START + regex, secret -> true);
        }
    }

    private static final List<TokenRule> TOKENS = List.of(
            TokenRule.of("Anthropic API key", "sk-ant-",
                    "(?<p>sk-ant-(?:api|admin|oat|sid)\\d{2}-)(?<s>[A-Za-z0-9_-]{32,300}+)"),
            TokenRule.of("OpenRouter API key", "sk-or-", "(?<p>sk-or-v\\d-)(?<s>[a-f0-9]{48,128}+)" + STOP),
            TokenRule.of("OpenAI API key", "sk-",
                    "(?<p>sk-(?:proj|svcacct|admin|None)-)(?<s>[A-Za-z0-9_-]{40,300}+)"),
            // The older form, and other providers that copied it: sk- and letters and digits only.
            TokenRule.of("OpenAI API key", List.of("sk-"),
                    START + "(?<p>sk-)(?<s>[A-Za-z0-9]{32,200}+)" + STOP, CredentialRules::hasLettersAndDigits),
            TokenRule.of("AWS access key ID", List.of("AKIA", "ASIA", "ABIA", "ACCA", "A3T"),
                    "(?<![A-Za-z0-9])(?<p>A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)(?<s>[A-Z2-7]{16})(?![A-Za-z0-9])",
                    secret -> true),
            TokenRule.of("GitHub token", List.of("ghp_", "gho_", "ghu_", "ghs_", "ghr_"),
                    "(?<![A-Za-z0-9_])(?<p>gh[pousr]_)(?<s>[A-Za-z0-9]{36,251}+)(?![A-Za-z0-9_])", secret -> true),
            TokenRule.of("GitHub token", List.of("github_pat_"),
                    "(?<![A-Za-z0-9_])(?<p>github_pat_)(?<s>[A-Za-z0-9_]{50,251}+)", secret -> true),
            TokenRule.of("GitLab token", "glpat-", "(?<p>glpat-)(?<s>[A-Za-z0-9_-]{20,300}+(?:\\.[A-Za-z0-9]{2,20}+)?)"),
            TokenRule.of("Slack token", "xox", "(?<p>xox[abeoprs]-)(?<s>\\d{6,20}+-[A-Za-z0-9-]{10,250}+)"),
            TokenRule.of("Slack token", "xapp-", "(?<p>xapp-)(?<s>\\d-[A-Z0-9]{8,15}+-\\d{8,16}+-[a-z0-9]{32,128}+)"),
            TokenRule.of("Stripe secret key", List.of("sk_live_", "sk_test_", "rk_live_", "rk_test_"),
                    "(?<![A-Za-z0-9_])(?<p>(?:sk|rk)_(?:live|test)_)(?<s>[A-Za-z0-9]{20,247}+)(?![A-Za-z0-9_])",
                    secret -> true),
            TokenRule.of("Google API key", "AIza", "(?<p>AIza)(?<s>[A-Za-z0-9_-]{35})" + STOP),
            TokenRule.of("Hugging Face token", List.of("hf_"),
                    "(?<![A-Za-z0-9_])(?<p>hf_)(?<s>[A-Za-z]{34})(?![A-Za-z0-9_])", CredentialRules::hasBothCases),
            TokenRule.of("JSON Web Token", List.of("eyJ"),
                    START + "(?<p>eyJ)(?<s>[A-Za-z0-9_-]{10,4000}+\\.eyJ[A-Za-z0-9_-]{10,8000}+\\.[A-Za-z0-9_-]{10,2000}+)"
                            + STOP,
                    CredentialRules::hasJwtHeader));

    private static final TokenRule AWS_KEY_ID = TOKENS.stream()
            .filter(rule -> rule.label().equals("AWS access key ID")).findFirst().orElseThrow();
    /** How far from an access key ID its secret key is looked for, either way. */
    private static final int AWS_SECRET_DISTANCE = 300;
    private static final Pattern AWS_SECRET_VALUE =
            Pattern.compile("(?<![A-Za-z0-9/+=])(?<s>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])");
    private static final Pattern AWS_SECRET_SETTING = Pattern.compile(
            "(?i)(?:aws_?secret_?access_?key|aws_?secret_?key|secret_?access_?key|aws_?secret)[a-z0-9_]{0,10}+"
                    + "[\"']?[ \\t]{0,8}+(?::=|=>|:|=)[ \\t]{0,8}+[\"']?"
                    + "(?<s>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])");

    private static final List<String> AWS_SECRET_HINTS =
            List.of("awssecret", "aws_secret", "secretaccess", "secret_access");

    private static final Pattern PRIVATE_KEY_HEADER =
            Pattern.compile("-----BEGIN (?:[A-Z0-9]{1,20} ){0,3}PRIVATE KEY(?: BLOCK)?-----");
    /** A key block shorter than this (in base64 characters) is a stand-in such as {@code ...}. */
    private static final int PRIVATE_KEY_MIN_BODY = 64;
    private static final int PRIVATE_KEY_MAX_LENGTH = 20_000;

    /** After {@code ://}: user, password, host. */
    private static final Pattern URL_CREDENTIALS = Pattern.compile(
            "(?<user>[^\\s:/?#@\\[\\]\"'<>`(){}]{0,128}+):(?<password>[^\\s/?#@\"'<>`]{1,256}+)@"
                    + "(?<host>[A-Za-z0-9][A-Za-z0-9.-]{0,252}+|\\[[0-9A-Fa-f:.]{2,45}+])");
    private static final int SCHEME_MAX_LENGTH = 32;

    /**
     * {@code password = "…"}, {@code "password": "…"}, {@code DB_PASSWORD=…}, {@code password: …}:
     * a key ending in password, passwd or passphrase (and maybe digits), an assignment (not a
     * comparison), and a quoted or bare value.
     */
    private static final Pattern PASSWORD_SETTING = Pattern.compile(
            "(?i)pass(?:word|wd|phrase)\\d{0,3}+[\"'`]?[ \\t]{0,8}+(?::=|=>|:|=)(?!=)[ \\t]{0,8}+"
                    + "(?:(?<quote>[\"'`])(?<quoted>[^\"'`\\r\\n]{1,200}+)\\k<quote>"
                    + "|(?<bare>[^\\s\"'`,;(){}\\[\\]<>]{1,200}+))");
    private static final int PASSWORD_MIN_LENGTH = 6;
    private static final int KEY_PREFIX_MAX_LENGTH = 64;
    /** How far back the start of a key's line is looked for: indentation and {@code docker run … -e}. */
    private static final int LINE_PREFIX_MAX_LENGTH = 120;

    private CredentialRules() {
    }

    static void providerTokens(Text text, List<Finding> found) {
        for (TokenRule rule : TOKENS) {
            if (rule.hints().stream().noneMatch(text::contains)) {
                continue;
            }
            Matcher m = rule.pattern().matcher(text.value);
            while (m.find()) {
                String secret = m.group("s");
                if (!Masks.isPlaceholderToken(secret) && rule.accepts().test(secret)) {
                    found.add(new Finding(Kind.API_KEY, rule.label(), Masks.token(m.group("p"), secret),
                            m.start(), m.end()));
                }
            }
        }
    }

    /**
     * AWS secret access keys have no prefix of their own: one counts where a setting names it, or
     * where 40 characters of base64 stand near an access key ID.
     */
    static void awsSecretKeys(Text text, List<Finding> found) {
        if (AWS_SECRET_HINTS.stream().anyMatch(text::mentions)) {
            Matcher m = AWS_SECRET_SETTING.matcher(text.value);
            while (m.find()) {
                addAwsSecret(m, found);
            }
        }
        if (AWS_KEY_ID.hints().stream().noneMatch(text::contains)) {
            return;
        }
        Matcher id = AWS_KEY_ID.pattern().matcher(text.value);
        Matcher value = AWS_SECRET_VALUE.matcher(text.value);
        int searchedUpTo = 0;
        while (id.find()) {
            if (Masks.isPlaceholderToken(id.group("s"))) {
                continue;
            }
            int from = Math.max(searchedUpTo, Math.max(0, id.start() - AWS_SECRET_DISTANCE));
            int to = Math.min(text.length(), id.end() + AWS_SECRET_DISTANCE);
            if (from >= to) {
                continue;
            }
            value.region(from, to);
            while (value.find()) {
                String secret = value.group("s");
                if (hasBothCases(secret) && hasLettersAndDigits(secret)) {
                    addAwsSecret(value, found);
                }
            }
            searchedUpTo = to;
        }
    }

    private static void addAwsSecret(Matcher m, List<Finding> found) {
        String secret = m.group("s");
        if (!Masks.isPlaceholderToken(secret) && Masks.entropy(secret) >= 4.0) {
            found.add(new Finding(Kind.API_KEY, "AWS secret access key", Masks.token("", secret),
                    m.start("s"), m.end("s")));
        }
    }

    /** {@code -----BEGIN … PRIVATE KEY-----} with a body of key material, ended or cut short. */
    static void privateKeys(Text text, List<Finding> found) {
        if (!text.contains("-----BEGIN ")) {
            return;
        }
        Matcher header = PRIVATE_KEY_HEADER.matcher(text.value);
        int from = 0;
        while (from < text.length() && header.find(from)) {
            int bodyStart = header.end();
            int limit = Math.min(text.length(), bodyStart + PRIVATE_KEY_MAX_LENGTH);
            int endMarker = text.value.indexOf("-----END ", bodyStart);
            int bodyEnd = endMarker >= 0 && endMarker < limit ? endMarker : limit;
            int end = bodyEnd;
            if (bodyEnd == endMarker) {
                int close = text.value.indexOf("-----", endMarker + "-----END ".length());
                end = close >= 0 && close - endMarker < 100 ? close + "-----".length() : endMarker + "-----END".length();
            }
            if (keyMaterial(text.value, bodyStart, bodyEnd) >= PRIVATE_KEY_MIN_BODY) {
                found.add(new Finding(Kind.PRIVATE_KEY, "Private key", header.group() + "…", header.start(), end));
            }
            from = Math.max(end, header.end());
        }
    }

    /** Base64 characters in a key's body, leaving out header lines such as {@code Proc-Type: …}. */
    private static int keyMaterial(String text, int start, int end) {
        int count = 0;
        int lineStart = start;
        while (lineStart < end) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0 || lineEnd > end) {
                lineEnd = end;
            }
            if (text.indexOf(':', lineStart) < 0 || text.indexOf(':', lineStart) >= lineEnd) {
                for (int i = lineStart; i < lineEnd; i++) {
                    char c = text.charAt(i);
                    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/') {
                        count++;
                    }
                }
            }
            lineStart = lineEnd + 1;
        }
        return count;
    }

    /** {@code scheme://user:password@host}, unless the password is a stand-in. */
    static void passwordsInUrls(Text text, List<Finding> found) {
        String s = text.value;
        int at = s.indexOf("://");
        if (at < 0) {
            return;
        }
        Matcher m = URL_CREDENTIALS.matcher(s);
        while (at >= 0) {
            int schemeStart = schemeStart(s, at);
            if (schemeStart < at) {
                m.region(at + 3, s.length());
                if (m.lookingAt() && !Masks.isPlaceholderPassword(m.group("password"))) {
                    String masked = s.substring(schemeStart, at) + "://" + m.group("user") + ":" + Masks.HIDDEN + "@"
                            + m.group("host");
                    found.add(new Finding(Kind.PASSWORD, "Password in a URL", masked, schemeStart, m.end()));
                }
            }
            at = s.indexOf("://", at + 3);
        }
    }

    private static int schemeStart(String s, int colon) {
        int i = colon;
        while (i > 0 && colon - i < SCHEME_MAX_LENGTH) {
            char c = s.charAt(i - 1);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' || c == '.' || c == '-') {
                i--;
            } else {
                break;
            }
        }
        while (i < colon && !Character.isLetter(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /**
     * A password given a value in code or configuration. Code that only handles passwords
     * ({@code String password;}, {@code password = request.getParameter("password")},
     * {@code password: ${DB_PASSWORD}}, {@code passwordHint = "…"}) is not a finding: the key must
     * end in the word, the value must be a literal, and a bare value counts only where
     * configuration files put one (a key at the start of a line, or a URL's query).
     */
    static void passwordSettings(Text text, List<Finding> found) {
        String s = text.value;
        Matcher m = PASSWORD_SETTING.matcher(s);
        for (int at = text.indexOfIgnoringCase("pass", 0); at >= 0; at = text.indexOfIgnoringCase("pass", at + 1)) {
            m.region(at, s.length());
            if (!m.lookingAt()) {
                continue;
            }
            int keyStart = keyStart(s, m.start());
            String quoted = m.group("quoted");
            boolean accepted;
            String value;
            if (quoted != null) {
                value = quoted;
                accepted = quoted.chars().noneMatch(Character::isWhitespace) || isPassphrase(quoted);
            } else {
                value = m.group("bare");
                accepted = !value.chars().allMatch(Character::isLetter) && endsBare(s, m.end())
                        && isConfigurationKey(s, keyStart);
            }
            if (accepted && value.length() >= PASSWORD_MIN_LENGTH && !Masks.isPlaceholderPassword(value)) {
                String key = s.substring(keyStart, quoted != null ? m.start("quote") : m.start("bare"));
                found.add(new Finding(Kind.PASSWORD, "Password", key + Masks.HIDDEN, keyStart, m.end()));
                at = m.end() - 1;
            }
        }
    }

    /** Where the key ends in {@code password} starts: {@code DB_}, {@code spring.datasource.}, {@code "}. */
    private static int keyStart(String s, int keyword) {
        int i = keyword;
        while (i > 0 && keyword - i < KEY_PREFIX_MAX_LENGTH) {
            char c = s.charAt(i - 1);
            if (Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-') {
                i--;
            } else {
                break;
            }
        }
        if (i > 0 && "\"'`".indexOf(s.charAt(i - 1)) >= 0) {
            i--;
        }
        return i;
    }

    /**
     * Where configuration puts a key: at the start of a line (after indentation, a list dash,
     * {@code export} or {@code set}), in a URL's query, as a command-line option
     * ({@code --password=…}) or an environment variable given to a command ({@code -e KEY=…}).
     */
    private static boolean isConfigurationKey(String s, int keyStart) {
        if (keyStart > 0 && (s.charAt(keyStart - 1) == '?' || s.charAt(keyStart - 1) == '&')) {
            return true;
        }
        if (s.startsWith("--", keyStart)) {
            return true;
        }
        int lineStart = keyStart;
        while (lineStart > 0 && keyStart - lineStart < LINE_PREFIX_MAX_LENGTH && s.charAt(lineStart - 1) != '\n') {
            lineStart--;
        }
        String before = s.substring(lineStart, keyStart).strip();
        return before.isEmpty() || before.equals("-") || before.equals("export") || before.equals("set")
                || before.equals("-e") || before.endsWith(" -e") || before.endsWith("--env")
                || before.endsWith("--build-arg");
    }

    /**
     * Whether a quoted value with spaces is a passphrase rather than words for people
     * ({@code "Enter your password"}, {@code "Must be at least 12 characters"}).
     */
    private static boolean isPassphrase(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        for (String word : PROSE_WORDS) {
            if (lower.contains(word)) {
                return false;
            }
        }
        return true;
    }

    private static final List<String> PROSE_WORDS = List.of("pass", "your", "enter", "must", "least", "invalid",
            "incorrect", "wrong", "required", "forgot", "reset", "confirm", "character", "%", "{", "$");

    private static boolean endsBare(String s, int end) {
        if (end == s.length()) {
            return true;
        }
        char next = s.charAt(end);
        return Character.isWhitespace(next) || next == '&' || next == ',';
    }

    private static boolean hasLettersAndDigits(String s) {
        return s.chars().anyMatch(Character::isLetter) && s.chars().anyMatch(Character::isDigit);
    }

    private static boolean hasBothCases(String s) {
        return s.chars().anyMatch(Character::isUpperCase) && s.chars().anyMatch(Character::isLowerCase);
    }

    /** The first part of a JSON Web Token is JSON naming the signing algorithm. */
    private static boolean hasJwtHeader(String secret) {
        String header = "eyJ" + secret.substring(0, secret.indexOf('.'));
        try {
            return new String(Base64.getUrlDecoder().decode(header), StandardCharsets.UTF_8).contains("\"alg\"");
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }
}
