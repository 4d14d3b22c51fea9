package dev.sessionflow.activities.automation;

import dev.sessionflow.activities.support.InvalidInputException;
import dev.sessionflow.activities.support.Limits;
import dev.sessionflow.workflows.automation.ActionType;
import dev.sessionflow.workflows.automation.Condition;
import dev.sessionflow.workflows.automation.TicketAction;
import dev.sessionflow.workflows.automation.TriggerConditions;
import dev.sessionflow.workflows.model.TicketFacts;
import dev.sessionflow.workflows.model.TicketStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What makes a macro or trigger definition valid. Every problem is reported at once, by field path
 * (e.g. {@code actions[1].value}), and nothing is stored unless all is well.
 */
public final class AutomationRules {
  public static final int MAX_ACTIONS = 20;
  public static final int MAX_CONDITIONS = 20;

  /** Trigger positions: far more room than triggers, and never near an int's end. */
  public static final int MAX_POSITION = 1_000_000;

  static final int MAX_TEXT = Limits.ACTION_TEXT;
  static final int MAX_NAME = Limits.AUTOMATION_NAME;
  static final int MAX_GROUP = Limits.GROUP;

  /** The same shape end reasons have through the API. */
  static final Pattern REASON = Pattern.compile(Limits.END_REASON_PATTERN);

  private AutomationRules() {}

  public static void checkMacro(String name, List<TicketAction> actions) {
    Map<String, String> errors = new LinkedHashMap<>();
    checkName(name, errors);
    checkActions(actions, errors);
    throwIfAny(errors);
  }

  public static void checkTrigger(
      String name, TriggerConditions conditions, List<TicketAction> actions) {
    Map<String, String> errors = new LinkedHashMap<>();
    checkName(name, errors);
    if (conditions == null || conditions.all().isEmpty() && conditions.any().isEmpty()) {
      errors.put("conditions", "at least one condition in all or any");
    } else {
      checkConditions("conditions.all", conditions.all(), errors);
      checkConditions("conditions.any", conditions.any(), errors);
    }
    checkActions(actions, errors);
    throwIfAny(errors);
  }

  private static void checkName(String name, Map<String, String> errors) {
    if (name == null || name.isBlank() || name.length() > MAX_NAME) {
      errors.put("name", "must be 1 to " + MAX_NAME + " characters");
    }
  }

  private static void checkConditions(
      String path, List<Condition> conditions, Map<String, String> errors) {
    if (conditions.size() > MAX_CONDITIONS) {
      errors.put(path, "at most " + MAX_CONDITIONS + " conditions");
      return;
    }
    for (int i = 0; i < conditions.size(); i++) {
      Condition c = conditions.get(i);
      String at = path + "[" + i + "]";
      if (c == null) {
        errors.put(at, "must be a condition");
        continue;
      }
      if (c.field() == null || !TicketFacts.FIELDS.contains(c.field())) {
        errors.put(at + ".field", "must be one of " + TicketFacts.FIELDS);
      }
      if (c.operator() == null) {
        errors.put(at + ".operator", "must be one of " + List.of(Condition.Operator.values()));
      } else if (c.operator().needsValue() && c.value() == null) {
        errors.put(at + ".value", "is required by " + c.operator());
      } else if (!c.operator().needsValue() && c.value() != null) {
        errors.put(at + ".value", "is not used by " + c.operator());
      }
      if (c.value() != null && c.value().length() > MAX_GROUP) {
        errors.put(at + ".value", "at most " + MAX_GROUP + " characters");
      }
    }
  }

  private static void checkActions(List<TicketAction> actions, Map<String, String> errors) {
    if (actions == null || actions.isEmpty() || actions.size() > MAX_ACTIONS) {
      errors.put("actions", "must hold 1 to " + MAX_ACTIONS + " actions");
      return;
    }
    int ends = 0;
    for (int i = 0; i < actions.size(); i++) {
      TicketAction a = actions.get(i);
      String at = "actions[" + i + "]";
      if (a == null || a.type() == null) {
        errors.put(at + ".type", "must be one of " + List.of(ActionType.values()));
        continue;
      }
      switch (a.type()) {
        case SET_GROUP -> text(at, a.value(), MAX_GROUP, errors);
        case SET_STATUS -> {
          if (a.value() == null || !TicketStatus.settable(a.value())) {
            errors.put(at + ".value", "must be one of " + TicketStatus.SETTABLE);
          }
        }
        case ADD_INTERNAL_NOTE, SEND_MESSAGE -> text(at, a.value(), MAX_TEXT, errors);
        case END_SESSION -> {
          ends++;
          if (a.reason() != null && !REASON.matcher(a.reason()).matches()) {
            errors.put(at + ".reason", "must be 1 to 64 of [A-Za-z0-9_.-]");
          }
          if (a.value() != null) {
            errors.put(at + ".value", "is not used by END_SESSION (see reason, sendCsat)");
          }
        }
      }
      if (a.type() != ActionType.END_SESSION && (a.reason() != null || a.sendCsat() != null)) {
        errors.put(at, "reason and sendCsat belong to END_SESSION only");
      }
    }
    if (ends > 1) {
      errors.put("actions", "at most one END_SESSION action");
    }
  }

  private static void text(String at, String value, int max, Map<String, String> errors) {
    if (value == null || value.isBlank() || value.length() > max) {
      errors.put(at + ".value", "must be 1 to " + max + " characters");
    }
  }

  private static void throwIfAny(Map<String, String> errors) {
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
  }
}
