package com.chatshare.moderation.web;

import com.chatshare.moderation.ReportRateLimitedException;
import com.chatshare.moderation.ReportReason;
import com.chatshare.moderation.ReportService;
import com.chatshare.security.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The report form of a shared chat: server-rendered, usable without an account, protected by
 * Spring Security's CSRF token, rate-limited, and then a thank-you page.
 */
@Controller
class ReportController {

    private final ReportService reports;

    ReportController(ReportService reports) {
        this.reports = reports;
    }

    @GetMapping("/share/{token}/report")
    String form(@PathVariable String token, Model model, HttpServletResponse response) {
        Optional<String> title = reports.reportableTitle(token);
        if (title.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "share/not-found";
        }
        model.addAttribute("token", token);
        model.addAttribute("title", title.get());
        model.addAttribute("reasons", ReportReason.values());
        model.addAttribute("maxLength", ReportService.DETAILS_MAX_LENGTH);
        return "moderation/report";
    }

    @PostMapping("/share/{token}/report")
    String submit(@PathVariable String token, @RequestParam(required = false) ReportReason reason,
            @RequestParam(defaultValue = "") String details, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        Optional<String> title = reports.reportableTitle(token);
        if (title.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "share/not-found";
        }
        String error = null;
        if (reason == null) {
            error = "Choose a reason.";
        } else {
            try {
                reports.file(token, reason, details, ClientAddress.of(request).orElse(null));
                model.addAttribute("token", token);
                return "moderation/report-thanks";
            } catch (ReportRateLimitedException | IllegalArgumentException e) {
                error = e.getMessage();
                response.setStatus(e instanceof ReportRateLimitedException ? 429 : 400);
            }
        }
        if (response.getStatus() < 400) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        model.addAttribute("token", token);
        model.addAttribute("title", title.get());
        model.addAttribute("reasons", ReportReason.values());
        model.addAttribute("maxLength", ReportService.DETAILS_MAX_LENGTH);
        model.addAttribute("error", error);
        model.addAttribute("selected", reason);
        model.addAttribute("details", details);
        return "moderation/report";
    }
}
