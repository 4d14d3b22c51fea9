package dev.sessionflow.worker.widget;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The chat frame widget.js opens. Its page is the same for everyone (the visitor's token arrives in
 * the URL's fragment, which no server or referrer sees); only its CSP names who may frame it.
 */
@Controller
class WidgetFrame {
  private static final String CSP =
      "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self';"
          + " img-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors ";

  private final AllowedOrigins origins;

  WidgetFrame(AllowedOrigins origins) {
    this.origins = origins;
  }

  @GetMapping("/widget/frame")
  String frame(HttpServletResponse response) {
    response.setHeader("Content-Security-Policy", CSP + origins.frameAncestors());
    response.setHeader("Cache-Control", "no-store");
    return "widget/frame";
  }
}
