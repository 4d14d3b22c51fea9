package dev.sessionflow.worker.settings;

import dev.sessionflow.activities.sessions.SessionStore;
import dev.sessionflow.activities.settings.MessagingSettings;
import dev.sessionflow.worker.sessions.SessionGateway;
import dev.sessionflow.workflows.session.SessionSettings;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends changed settings to every running session, in the background: the admin's request does not
 * wait on thousands of signals, and a session that misses one (the service stopped mid-way) keeps
 * the settings it had.
 */
@Component
class SettingsBroadcast {
  private static final Logger log = LoggerFactory.getLogger(SettingsBroadcast.class);

  private final SessionStore sessions;
  private final SessionGateway gateway;

  SettingsBroadcast(SessionStore sessions, SessionGateway gateway) {
    this.sessions = sessions;
    this.gateway = gateway;
  }

  void toRunningSessions(MessagingSettings settings) {
    SessionSettings changed = settings.forSessions();
    List<String> open = sessions.openSessionIds();
    Thread.ofVirtual()
        .name("settings-broadcast")
        .start(
            () -> {
              int failed = 0;
              for (String sessionId : open) {
                try {
                  gateway.changeSettings(sessionId, changed);
                } catch (RuntimeException e) {
                  failed++;
                }
              }
              log.info("settings sent to {} running sessions ({} failed)", open.size(), failed);
            });
  }
}
