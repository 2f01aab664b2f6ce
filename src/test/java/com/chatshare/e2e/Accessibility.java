package com.chatshare.e2e;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.openqa.selenium.WebDriver;

/**
 * axe-core on the page as it is now, WCAG 2.x A and AA plus axe's best practices, shadow DOM
 * included: Vaadin's components keep their inner parts there, and axe looks inside open shadow roots.
 * Only serious and critical findings count; each is written out with its rule, impact and the
 * elements it concerns (a shadow DOM element as the host's selector, then the inner one), so a
 * failure says what to fix.
 */
final class Accessibility {

    static final List<String> STANDARDS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa",
            "best-practice");

    private static final Set<String> COUNTED = Set.of("serious", "critical");

    private Accessibility() {
    }

    /** The serious and critical violations on the current page, one line per rule, or none. */
    static List<String> violations(WebDriver driver, String page) {
        Results results = new AxeBuilder().withTags(STANDARDS).analyze(driver);
        if (results.isErrored()) {
            return List.of(page + ": axe-core failed: " + results.getErrorMessage());
        }
        List<String> found = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            if (!COUNTED.contains(rule.getImpact())) {
                continue;
            }
            StringBuilder line = new StringBuilder()
                    .append(page).append(": ").append(rule.getId()).append(" (").append(rule.getImpact()).append(") ")
                    .append(rule.getHelp());
            for (CheckedNode node : rule.getNodes()) {
                line.append("\n      ").append(node.getTarget()).append("  ")
                        .append(node.getFailureSummary().replace('\n', ' '));
            }
            found.add(line.toString());
        }
        return found;
    }
}
