package com.chatshare.disclosure.internal;

import com.chatshare.disclosure.SnapshotCheck.Finding;
import com.chatshare.disclosure.SnapshotCheck.Kind;
import com.chatshare.disclosure.internal.SensitiveText.Text;
import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.Leniency;
import com.google.i18n.phonenumbers.PhoneNumberUtil.ValidationResult;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.List;
import java.util.Locale;
import org.apache.commons.validator.routines.CodeValidator;
import org.apache.commons.validator.routines.CreditCardValidator;
import org.apache.commons.validator.routines.CreditCardValidator.CreditCardRange;
import org.apache.commons.validator.routines.EmailValidator;
import org.apache.commons.validator.routines.IBANValidator;
import org.jspecify.annotations.Nullable;

/**
 * Personal data: e-mail addresses, phone numbers, payment-card numbers and IBANs. Candidates are
 * found by walking the text; whether one is real is left to the libraries that know the rules:
 * Apache Commons Validator (e-mail syntax and top-level domains, card networks and the Luhn check,
 * IBAN lengths per country and check digits) and Google's libphonenumber (numbering plans).
 */
final class PersonalDataRules {

    /** No local addresses ({@code user@localhost}), only domains under a real top-level domain. */
    private static final EmailValidator EMAIL = EmailValidator.getInstance(false, false);
    private static final int EMAIL_LOCAL_MAX = 64;
    private static final int EMAIL_DOMAIN_MAX = 253;
    /** Reserved for documentation (RFC 2606, RFC 6761): nobody's address. */
    private static final List<String> EXAMPLE_DOMAINS = List.of("example.com", "example.net", "example.org");
    private static final List<String> RESERVED_TOP_LEVEL = List.of(".example", ".test", ".invalid", ".localhost");

    private static final int URL_USER_MAX_DISTANCE = 200;

    private static final IBANValidator IBAN = IBANValidator.getInstance();

    /** The major networks by number range and length, each number Luhn-checked. */
    private static final CreditCardValidator CARDS = new CreditCardValidator(
            new CodeValidator[] {
                CreditCardValidator.VISA_VALIDATOR, CreditCardValidator.MASTERCARD_VALIDATOR,
                CreditCardValidator.AMEX_VALIDATOR, CreditCardValidator.DISCOVER_VALIDATOR,
                CreditCardValidator.DINERS_VALIDATOR
            },
            new CreditCardRange[] {
                new CreditCardRange("3528", "3589", 16, 19), // JCB
                new CreditCardRange("62", "62", 16, 19) // UnionPay
            });
    private static final int CARD_MIN_DIGITS = 13;
    private static final int CARD_MAX_DIGITS = 19;

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    /** libphonenumber's "no default region": only numbers written with {@code +} and a country code. */
    private static final String NO_REGION = "ZZ";
    /** The fewest digits of a valid number anywhere, country code included. */
    private static final int PHONE_MIN_DIGITS = 5;
    /** Characters either side of a stretch of digits that libphonenumber reads to judge it. */
    private static final int PHONE_CONTEXT = 16;
    /** Longer than any national number (ITU-T E.164 allows 15 digits in all). */
    private static final int MAX_NATIONAL_LENGTH = 18;

    private PersonalDataRules() {
    }

    static void emailAddresses(Text text, List<Finding> found) {
        String s = text.value;
        int at = s.indexOf('@');
        int previousEnd = 0;
        while (at >= 0) {
            int start = at;
            while (start > previousEnd && at - start < EMAIL_LOCAL_MAX && isLocalPartChar(s.charAt(start - 1))) {
                start--;
            }
            boolean cutLeft = start > previousEnd && isLocalPartChar(s.charAt(start - 1));
            while (start < at && s.charAt(start) == '.') {
                start++;
            }
            int end = at + 1;
            while (end < s.length() && end - at <= EMAIL_DOMAIN_MAX && isDomainChar(s.charAt(end))) {
                end++;
            }
            boolean cutRight = end < s.length() && isDomainChar(s.charAt(end));
            while (end > at + 1 && (s.charAt(end - 1) == '.' || s.charAt(end - 1) == '-')) {
                end--;
            }
            if (start < at && end > at + 1 && !cutLeft && !cutRight && !isInUrlUserInfo(s, start)
                    && !isScpRemote(s, end)) {
                String domain = s.substring(at + 1, end);
                if (!isReserved(domain) && EMAIL.isValid(s.substring(start, end))) {
                    found.add(new Finding(Kind.EMAIL, "E-mail address",
                            s.charAt(start) + Masks.HIDDEN + "@" + domain, start, end));
                    previousEnd = end;
                    at = s.indexOf('@', end);
                    continue;
                }
            }
            at = s.indexOf('@', at + 1);
        }
    }

    private static boolean isLocalPartChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
    }

    private static boolean isDomainChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
    }

    /** {@code ssh://git@host/…}, {@code https://user:pass@host}: a URL's user, not an address. */
    private static boolean isInUrlUserInfo(String s, int localStart) {
        if (localStart >= 2 && s.startsWith("//", localStart - 2)) {
            return true;
        }
        if (localStart >= 1 && s.charAt(localStart - 1) == ':') {
            // A URL's scheme and user stand at most this far before the password.
            int tokenStart = localStart - 1;
            while (tokenStart > 0 && localStart - tokenStart < URL_USER_MAX_DISTANCE
                    && !Character.isWhitespace(s.charAt(tokenStart - 1))) {
                tokenStart--;
            }
            return s.substring(tokenStart, localStart).contains("://");
        }
        return false;
    }

    /** {@code git@github.com:org/repo.git}: a Git remote, not an address. */
    private static boolean isScpRemote(String s, int end) {
        return end + 1 < s.length() && s.charAt(end) == ':' && !Character.isWhitespace(s.charAt(end + 1));
    }

    private static boolean isReserved(String domain) {
        String lower = domain.toLowerCase(Locale.ROOT);
        return EXAMPLE_DOMAINS.stream().anyMatch(d -> lower.equals(d) || lower.endsWith("." + d))
                || RESERVED_TOP_LEVEL.stream().anyMatch(lower::endsWith);
    }

    static void ibans(Text text, List<Finding> found) {
        String s = text.value;
        int scannedUpTo = 0;
        // An IBAN's check digits are the first digits after its country code.
        for (int digits : text.digitRuns()) {
            int i = digits - 2;
            if (i < scannedUpTo || !isUpper(s.charAt(i)) || !isUpper(s.charAt(i + 1)) || i + 4 > s.length()
                    || !isDigit(s.charAt(i + 3)) || (i > 0 && Character.isLetterOrDigit(s.charAt(i - 1)))) {
                continue;
            }
            IBANValidator.Validator country = IBAN.getValidator(s.substring(i, i + 2));
            if (country == null) {
                continue;
            }
            int length = country.getIbanLength();
            StringBuilder compact = new StringBuilder(length);
            int j = i;
            while (j < s.length() && compact.length() < length) {
                char c = s.charAt(j);
                if (isUpper(c) || isDigit(c)) {
                    compact.append(c);
                    j++;
                } else if (c == ' ' && j + 1 < s.length() && (isUpper(s.charAt(j + 1)) || isDigit(s.charAt(j + 1)))) {
                    j++;
                } else {
                    break;
                }
            }
            if (compact.length() == length && (j == s.length() || !Character.isLetterOrDigit(s.charAt(j)))
                    && IBAN.isValid(compact.toString())) {
                found.add(new Finding(Kind.IBAN, "IBAN", compact.substring(0, 2) + "•• … " + compact.substring(length - 4),
                        i, j));
                scannedUpTo = j;
            }
        }
    }

    /**
     * 13 to 19 digits, written together or grouped by single spaces or dashes, in a known
     * network's range and passing the Luhn check.
     */
    static void paymentCards(Text text, List<Finding> found) {
        String s = text.value;
        int scannedUpTo = 0;
        for (int i : text.digitRuns()) {
            if (i < scannedUpTo || (i > 0 && isPartOfNumberOrWord(s.charAt(i - 1)))) {
                continue;
            }
            StringBuilder digits = new StringBuilder(CARD_MAX_DIGITS + 1);
            char separator = 0;
            int j = i;
            while (j < s.length() && digits.length() <= CARD_MAX_DIGITS) {
                char c = s.charAt(j);
                if (isDigit(c)) {
                    digits.append(c);
                    j++;
                } else if ((c == ' ' || c == '-') && (separator == 0 || separator == c) && j + 1 < s.length()
                        && isDigit(s.charAt(j + 1))) {
                    separator = c;
                    j++;
                } else {
                    break;
                }
            }
            boolean ended = j == s.length() || !isPartOfNumberOrWord(s.charAt(j))
                    || ((s.charAt(j) == '.' || s.charAt(j) == ',') && (j + 1 == s.length() || !isDigit(s.charAt(j + 1))));
            if (ended && digits.length() >= CARD_MIN_DIGITS && digits.length() <= CARD_MAX_DIGITS
                    && CARDS.isValid(digits.toString())) {
                found.add(new Finding(Kind.PAYMENT_CARD, "Payment card number",
                        "•••• " + digits.substring(digits.length() - 4), i, j));
            }
            scannedUpTo = j;
        }
    }

    /** Letters, digits and the characters that join digits into something else (1.5, ID-42, +1). */
    private static boolean isPartOfNumberOrWord(char c) {
        return Character.isLetterOrDigit(c) || ".,-/_+".indexOf(c) >= 0;
    }

    /**
     * Numbers libphonenumber finds and holds valid for their region ({@link Leniency#VALID}):
     * numbers with {@code +} and a country code, and national numbers of {@code region} if given.
     */
    static void phoneNumbers(Text text, @Nullable PhoneRegion region, List<Finding> found) {
        String s = text.value;
        String defaultRegion = region == null ? NO_REGION : region.code();
        // libphonenumber's matcher is the slowest rule by far on prose, so it reads only the
        // stretches of digits and separators long enough to be a number, with some context.
        int scannedUpTo = 0;
        for (int digitRun : text.digitRuns()) {
            if (digitRun < scannedUpTo) {
                continue;
            }
            int start = digitRun;
            boolean plus = false;
            while (start > scannedUpTo && digitRun - start < PHONE_CONTEXT && isPhoneChar(s.charAt(start - 1))) {
                start--;
                plus |= s.charAt(start) == '+';
            }
            int end = digitRun;
            int digits = 0;
            while (end < s.length() && isPhoneChar(s.charAt(end))) {
                char c = s.charAt(end);
                digits += isDigit(c) ? 1 : 0;
                plus |= c == '+';
                end++;
            }
            scannedUpTo = end;
            if (plus ? digits >= PHONE_MIN_DIGITS : region != null && digits >= region.minimumDigits()) {
                int windowStart = Math.max(0, start - PHONE_CONTEXT);
                int windowEnd = Math.min(s.length(), end + PHONE_CONTEXT);
                String window = s.substring(windowStart, windowEnd);
                for (PhoneNumberMatch match : PHONES.findNumbers(window, defaultRegion, Leniency.VALID, Long.MAX_VALUE)) {
                    int matchStart = windowStart + match.start();
                    if (matchStart >= start && matchStart < end) {
                        String national = Long.toString(match.number().getNationalNumber());
                        found.add(new Finding(Kind.PHONE, "Phone number", "+" + match.number().getCountryCode() + " "
                                + Masks.HIDDEN + " " + national.substring(national.length() - 2),
                                matchStart, windowStart + match.end()));
                    }
                }
            }
        }
    }

    /**
     * A region whose national numbers count, and the fewest digits one of them is written with;
     * shorter stretches are not given to libphonenumber at all.
     */
    record PhoneRegion(String code, int minimumDigits) {

        static PhoneRegion of(String code) {
            int countryCode = PHONES.getCountryCodeForRegion(code);
            for (int length = 1; length < MAX_NATIONAL_LENGTH; length++) {
                PhoneNumber number = new PhoneNumber().setCountryCode(countryCode)
                        .setNationalNumber(Long.parseLong("5".repeat(length)));
                if (PHONES.isPossibleNumberWithReason(number) == ValidationResult.IS_POSSIBLE) {
                    return new PhoneRegion(code, length);
                }
            }
            return new PhoneRegion(code, PHONE_MIN_DIGITS);
        }
    }

    /** What a phone number is written with: digits, {@code +}, brackets and separators. */
    private static boolean isPhoneChar(char c) {
        return isDigit(c) || c == '+' || c == '(' || c == ')' || c == '-' || c == '.' || c == '/' || c == ' '
                || c == '\u00A0';
    }

    private static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
