package dev.sessionflow.activities.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionflow.activities.StoreTestBase;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each column holds the longest value the API accepts for it: no valid request fails to store. */
class LimitsMatchSchemaTest extends StoreTestBase {

  /** Column to the longest value written to it. */
  private static final Map<String, Integer> WRITTEN =
      Map.ofEntries(
          Map.entry("conversations.conversation_id", Limits.ID),
          Map.entry("conversations.end_user_id", Limits.ID),
          Map.entry("conversations.end_user_name", Limits.END_USER_NAME),
          Map.entry("messages.message_id", Limits.ID),
          Map.entry("messages.text", Limits.MESSAGE_TEXT),
          Map.entry("sessions.end_reason", Limits.END_REASON),
          Map.entry("tickets.end_reason", Limits.END_REASON),
          Map.entry("tickets.group_name", Limits.GROUP),
          Map.entry("tickets.requester_id", Limits.ID),
          Map.entry("surveys.comment", Limits.CSAT_COMMENT),
          Map.entry("macros.name", Limits.AUTOMATION_NAME),
          Map.entry("triggers.name", Limits.AUTOMATION_NAME),
          Map.entry("messaging_settings.warning_text", Limits.SETTINGS_TEXT),
          Map.entry("messaging_settings.ended_notice_text", Limits.SETTINGS_TEXT),
          Map.entry("webhooks.url", Limits.WEBHOOK_URL),
          // an audit entry: actor, source (with the macro's name) and the note itself
          Map.entry("ticket_audit.detail", Limits.ACTION_TEXT + Limits.AUTOMATION_NAME + 200),
          Map.entry("automation_steps.detail", Limits.ACTION_TEXT),
          // JSON of 20 actions of the longest text, each character escaped at worst as \\uXXXX
          Map.entry("macros.definition_json", 20 * Limits.ACTION_TEXT * 6),
          Map.entry("triggers.definition_json", 20 * Limits.ACTION_TEXT * 6),
          Map.entry("messaging_settings.policy_json", 50 * (Limits.GROUP + 64) * 6));

  @Test
  void everyColumnHoldsItsLongestAcceptedValue() {
    WRITTEN.forEach(
        (column, longest) -> {
          String[] parts = column.split("\\.");
          Integer size =
              jdbc.sql(
                      """
                      select character_maximum_length from information_schema.columns
                      where lower(table_name) = :table and lower(column_name) = :column
                        and lower(table_schema) = lower(current_schema)
                      """)
                  .param("table", parts[0])
                  .param("column", parts[1])
                  .query(Integer.class)
                  .single();
          assertThat(size).as(column).isGreaterThanOrEqualTo(longest);
        });
  }
}
