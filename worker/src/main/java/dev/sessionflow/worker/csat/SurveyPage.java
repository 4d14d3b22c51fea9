package dev.sessionflow.worker.csat;

import dev.sessionflow.activities.csat.Survey;
import dev.sessionflow.activities.csat.SurveyAnswer;
import dev.sessionflow.activities.csat.SurveyStore;
import dev.sessionflow.activities.settings.LocalTexts;
import dev.sessionflow.activities.support.Limits;
import dev.sessionflow.workflows.model.CsatStatus;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The hosted survey page, {@code /survey/<token>}, where a survey link from any channel lands: no
 * sign-in (the token is the credential) and no JavaScript, so that any phone's browser can answer
 * it. One form: an optional comment and a button per rating, each of which submits. A recorded
 * answer redirects to the page (a reload does not post again), which then thanks the end user.
 */
@Controller
@RequestMapping("/survey")
class SurveyPage {
  private static final Pattern TOKEN = Pattern.compile(Limits.ID_PATTERN);
  static final String VIEW = "survey/survey";

  /** What the page shows. */
  enum State {
    OPEN,
    ANSWERED,
    EXPIRED,
    NOT_FOUND
  }

  private final SurveyStore surveys;
  private final CsatService csat;
  private final Clock clock;
  private final LocalTexts texts;

  SurveyPage(SurveyStore surveys, CsatService csat, Clock clock, LocalTexts texts) {
    this.surveys = surveys;
    this.csat = csat;
    this.clock = clock;
    this.texts = texts;
  }

  @GetMapping("/{token}")
  String show(@PathVariable String token, Model model, HttpServletResponse response) {
    Optional<Survey> survey = find(token);
    if (survey.isEmpty()) {
      return page(State.NOT_FOUND, model, response);
    }
    Survey s = survey.get();
    return switch (s.status(clock.instant())) {
      case ANSWERED -> {
        model.addAttribute("rating", s.rating());
        model.addAttribute("scale", s.scale());
        yield page(State.ANSWERED, model, response);
      }
      case SENT -> form(s, model, null, "", response);
      default -> page(State.EXPIRED, model, response);
    };
  }

  /** A view name, or a 303 back to the page once the answer is recorded. */
  @PostMapping("/{token}")
  Object answer(
      @PathVariable String token,
      @RequestParam(required = false) String rating,
      @RequestParam(required = false) String comment,
      Model model,
      HttpServletResponse response) {
    Optional<Survey> survey = find(token);
    if (survey.isEmpty()) {
      return page(State.NOT_FOUND, model, response);
    }
    Survey s = survey.get();
    String text = comment == null || comment.isBlank() ? null : comment.strip();
    Integer chosen = rating(rating, s.scale());
    if (s.status(clock.instant()) == CsatStatus.SENT) {
      if (chosen == null) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return form(s, model, "Choose a rating from 1 to " + s.scale() + ".", comment, response);
      }
      if (text != null && text.length() > Limits.CSAT_COMMENT) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return form(
            s,
            model,
            "Your comment is too long: " + Limits.CSAT_COMMENT + " characters at most.",
            comment,
            response);
      }
    }
    SurveyAnswer answer =
        chosen == null ? SurveyAnswer.OUT_OF_SCALE : csat.record(token, chosen, text);
    return switch (answer) {
      case RECORDED -> seeOther("/survey/" + token);
      case ALREADY_ANSWERED, OUT_OF_SCALE -> show(token, model, response);
      case EXPIRED -> page(State.EXPIRED, model, response);
      case NOT_FOUND -> page(State.NOT_FOUND, model, response);
    };
  }

  private static RedirectView seeOther(String path) {
    RedirectView view = new RedirectView(path, true);
    view.setStatusCode(HttpStatus.SEE_OTHER);
    return view;
  }

  private Optional<Survey> find(String token) {
    return TOKEN.matcher(token).matches() ? surveys.byToken(token) : Optional.empty();
  }

  private static Integer rating(String value, int scale) {
    if (value == null || !value.matches("\\d{1,2}")) {
      return null;
    }
    int n = Integer.parseInt(value);
    return n >= 1 && n <= scale ? n : null;
  }

  private String form(
      Survey s, Model model, String error, String comment, HttpServletResponse response) {
    model.addAttribute(
        "question",
        surveys.invitationText(s.sessionId()).orElse("How would you rate this conversation?"));
    // The question is in the end user's language when the admin translated it: say which.
    model.addAttribute("lang", texts.localeOfSession(s.sessionId()));
    model.addAttribute("ratings", IntStream.rangeClosed(1, s.scale()).boxed().toList());
    model.addAttribute("scale", s.scale());
    model.addAttribute("error", error);
    model.addAttribute("comment", comment);
    model.addAttribute("maxComment", Limits.CSAT_COMMENT);
    return page(State.OPEN, model, response);
  }

  private static String page(State state, Model model, HttpServletResponse response) {
    model.addAttribute("state", state.name());
    if (state == State.NOT_FOUND) {
      response.setStatus(HttpStatus.NOT_FOUND.value());
    } else if (state == State.EXPIRED) {
      response.setStatus(HttpStatus.GONE.value());
    }
    return VIEW;
  }
}
