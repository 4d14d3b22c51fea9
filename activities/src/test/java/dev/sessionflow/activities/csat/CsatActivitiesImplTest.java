package dev.sessionflow.activities.csat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionflow.activities.Concurrently;
import dev.sessionflow.activities.StoreTestBase;
import dev.sessionflow.activities.conversations.AcceptedMessage;
import dev.sessionflow.activities.conversations.StoredMessage;
import dev.sessionflow.activities.tickets.TicketAuditEntry;
import dev.sessionflow.activities.tickets.TicketStore;
import dev.sessionflow.workflows.activities.InvitedAndSettled;
import dev.sessionflow.workflows.activities.Settlement;
import dev.sessionflow.workflows.activities.SurveyInvitation;
import dev.sessionflow.workflows.activities.SurveyReceipt;
import dev.sessionflow.workflows.activities.SurveyRequest;
import dev.sessionflow.workflows.model.CsatStatus;
import dev.sessionflow.workflows.model.EndedBy;
import dev.sessionflow.workflows.model.SessionEnd;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class CsatActivitiesImplTest extends StoreTestBase {
  @Autowired CsatActivitiesImpl csat;
  @Autowired SurveyStore surveys;
  @Autowired TicketStore tickets;

  @Test
  void sendingTwiceCreatesOneSurveyAndOneInvitation() {
    AcceptedMessage session = endedSession("conv-1");

    SurveyInvitation receipt = csat.inviteToSurvey(request(session, Duration.ofDays(14)));
    clock.advance(Duration.ofMinutes(1));
    SurveyInvitation again = csat.inviteToSurvey(request(session, Duration.ofDays(1)));
    SurveyReceipt legacy = csat.sendSurvey(request(session, Duration.ofDays(1)));

    assertThat(again).isEqualTo(receipt);
    assertThat(legacy.surveyToken()).isNull(); // older sessions' activity type answers no token
    assertThat(legacy.expiresAt()).isEqualTo(receipt.expiresAt());
    assertThat(receipt.expiresAt()).isEqualTo(T0.plus(Duration.ofDays(14)));
    assertThat(receipt.surveyId()).startsWith("sv-");
    assertThat(count("surveys")).isEqualTo(1);
    Survey survey = surveys.forSession(session.sessionId()).orElseThrow();
    assertThat(survey.surveyId()).isEqualTo(receipt.surveyId());
    assertThat(survey.ticketId()).isEqualTo(session.ticketId());
    assertThat(survey.sentAt()).isEqualTo(T0);
    assertThat(survey.status(clock.instant())).isEqualTo(CsatStatus.SENT);

    List<StoredMessage> transcript = transcript("conv-1");
    assertThat(transcript)
        .extracting(StoredMessage::kind)
        .containsExactly(null, "SESSION_ENDED", "CSAT_INVITATION");
    StoredMessage invitation = transcript.getLast();
    assertThat(invitation.messageId()).isEqualTo(session.sessionId() + "-csat");
    assertThat(invitation.sessionId()).isEqualTo(session.sessionId());
    assertThat(invitation.author()).isEqualTo("SYSTEM");
    assertThat(invitation.surveyId()).isEqualTo(receipt.surveyId());
    assertThat(invitation.text())
        .isEqualTo("How did we do? Rate this conversation from 1 (poor) to 5 (great).");
  }

  @Test
  void invitingAndSettlingTwiceSendsOneSurveyAndSettlesOnceWithItsStatus() {
    AcceptedMessage session = endedSession("conv-1");
    Settlement settlement =
        new Settlement(
            session.ticketId(),
            session.sessionId(),
            "SOLVED",
            null,
            new SessionEnd(EndedBy.AGENT, "agent-1", "RESOLVED", T0, true),
            null,
            0);

    InvitedAndSettled first =
        csat.inviteAndSettle(request(session, Duration.ofDays(14)), settlement);
    clock.advance(Duration.ofMinutes(1));
    InvitedAndSettled again =
        csat.inviteAndSettle(request(session, Duration.ofDays(14)), settlement);

    assertThat(again).isEqualTo(first);
    assertThat(first.invitation().surveyId()).startsWith("sv-");
    assertThat(count("surveys")).isEqualTo(1);
    assertThat(tickets.find(session.ticketId()).orElseThrow().status()).isEqualTo("SOLVED");
    List<TicketAuditEntry> settled =
        tickets.audit(session.ticketId()).stream().filter(e -> e.kind().equals("SETTLED")).toList();
    assertThat(settled)
        .singleElement()
        .satisfies(e -> assertThat(e.detail()).endsWith("CSAT SENT"));
  }

  @Test
  void aSessionReopenedBeforeItsSurveyAndSettlementGetsNeither() {
    // The reopen made the round moot: the store sees it, as the session did between two activities.
    AcceptedMessage opened = endUserSays("conv-r", "m-1", "Hi");
    closes.close(closingWithReopenWindow(opened, Duration.ofMinutes(10)));
    endUserSays("conv-r", "m-2", "Wait, one more thing");

    InvitedAndSettled done =
        csat.inviteAndSettle(
            request(opened, Duration.ofDays(14)),
            new Settlement(
                opened.ticketId(),
                opened.sessionId(),
                "SOLVED",
                null,
                new SessionEnd(EndedBy.AGENT, "agent-1", "RESOLVED", T0, true),
                null,
                0));

    assertThat(done.invitation()).isNull();
    assertThat(done.outcome().before()).isNull();
    assertThat(count("surveys")).isZero();
    assertThat(tickets.find(opened.ticketId()).orElseThrow().status()).isEqualTo("OPEN");
  }

  @Test
  void concurrentSendsCreateOneSurveyAndOneInvitation() {
    AcceptedMessage session = endedSession("conv-1");

    List<SurveyInvitation> receipts =
        Concurrently.run(5, i -> csat.inviteToSurvey(request(session, Duration.ofDays(14))));

    assertThat(receipts).containsOnly(receipts.getFirst());
    assertThat(count("surveys")).isEqualTo(1);
    assertThat(transcript("conv-1"))
        .filteredOn(m -> "CSAT_INVITATION".equals(m.kind()))
        .singleElement()
        .extracting(StoredMessage::surveyId)
        .isEqualTo(receipts.getFirst().surveyId());
  }

  @Test
  void aSurveyIsAnsweredOnce() {
    AcceptedMessage session = endedSession("conv-1");
    String token = send(session, Duration.ofDays(14));
    clock.advance(Duration.ofHours(1));

    assertThat(surveys.answer(token, 4, "quick and friendly")).isEqualTo(SurveyAnswer.RECORDED);
    clock.advance(Duration.ofMinutes(1));
    assertThat(surveys.answer(token, 1, "changed my mind"))
        .isEqualTo(SurveyAnswer.ALREADY_ANSWERED);

    Survey answered = surveys.forSession(session.sessionId()).orElseThrow();
    assertThat(answered.rating()).isEqualTo(4);
    assertThat(answered.comment()).isEqualTo("quick and friendly");
    assertThat(answered.answeredAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
    assertThat(answered.status(clock.instant())).isEqualTo(CsatStatus.ANSWERED);
    assertThat(tickets.find(session.ticketId()).orElseThrow().csatRating()).isEqualTo(4);
    assertThat(tickets.audit(session.ticketId()))
        .filteredOn(e -> e.kind().equals("CSAT_ANSWERED"))
        .singleElement()
        .extracting(TicketAuditEntry::detail)
        .isEqualTo("rated 4 by end user user-of-conv-1");
  }

  @Test
  void concurrentAnswersRecordOne() {
    AcceptedMessage session = endedSession("conv-1");
    String token = send(session, Duration.ofDays(14));

    List<SurveyAnswer> answers = Concurrently.run(5, i -> surveys.answer(token, i + 1, null));

    assertThat(answers).filteredOn(a -> a == SurveyAnswer.RECORDED).hasSize(1);
    assertThat(answers).filteredOn(a -> a == SurveyAnswer.ALREADY_ANSWERED).hasSize(4);
    int rating = answers.indexOf(SurveyAnswer.RECORDED) + 1;
    assertThat(surveys.forSession(session.sessionId()).orElseThrow().rating()).isEqualTo(rating);
    assertThat(tickets.find(session.ticketId()).orElseThrow().csatRating()).isEqualTo(rating);
  }

  @Test
  void anExpiredSurveyIsNotAnswered() {
    AcceptedMessage early = endedSession("conv-1");
    AcceptedMessage late = endedSession("conv-2");
    String earlyToken = send(early, Duration.ofHours(1));
    String lateToken = send(late, Duration.ofHours(1));

    clock.advance(Duration.ofHours(1).minusSeconds(1));
    assertThat(surveys.answer(earlyToken, 5, null)).isEqualTo(SurveyAnswer.RECORDED);
    clock.advance(Duration.ofSeconds(1));
    assertThat(surveys.answer(lateToken, 5, null)).isEqualTo(SurveyAnswer.EXPIRED);

    Survey expired = surveys.forSession(late.sessionId()).orElseThrow();
    assertThat(expired.rating()).isNull();
    assertThat(expired.answeredAt()).isNull();
    assertThat(expired.status(clock.instant())).isEqualTo(CsatStatus.EXPIRED);
    assertThat(tickets.find(late.ticketId()).orElseThrow().csatRating()).isNull();
    // An answered survey stays answered after its expiry.
    assertThat(surveys.answer(earlyToken, 1, null)).isEqualTo(SurveyAnswer.ALREADY_ANSWERED);
  }

  @Test
  void anUnknownTokenIsNotFound() {
    assertThat(surveys.answer("no-such-token", 5, null)).isEqualTo(SurveyAnswer.NOT_FOUND);
    assertThat(surveys.forSession("no-such-session")).isEmpty();
  }

  @Test
  void theStoreKeepsOnlyTheTokensHashAndTheReceiptNamesTheSurvey() {
    AcceptedMessage session = endedSession("conv-1");
    SurveyInvitation receipt = csat.inviteToSurvey(request(session, Duration.ofDays(14)));
    String token = surveys.linkToken(receipt.surveyId()).orElseThrow();

    assertThat(token).hasSize(43).isNotEqualTo(receipt.surveyId());
    assertThat(receipt.toString()).doesNotContain(token);
    assertThat(rowsOf("surveys") + rowsOf("messages")).doesNotContain(token);
    assertThat(rowsOf("surveys")).contains(SurveyTokens.hash(token));
    assertThat(surveys.byToken(token).orElseThrow().sessionId()).isEqualTo(session.sessionId());
    assertThat(surveys.answer(token, 5, null)).isEqualTo(SurveyAnswer.RECORDED);
  }

  @Test
  void aLinkIsShownOnlyIfItIsTheOneWhoseHashTheStoreHolds() {
    AcceptedMessage session = endedSession("conv-1");
    String surveyId = csat.inviteToSurvey(request(session, Duration.ofDays(14))).surveyId();
    String token = surveys.linkToken(surveyId).orElseThrow();
    String hash = SurveyTokens.hash(token);

    // Another key (a changed SESSIONFLOW_CSAT_TOKEN_KEY) derives another token: none is shown.
    SurveyTokens otherKey = new SurveyTokens(new byte[32]);
    assertThat(otherKey.tokenOf(surveyId)).isNotEqualTo(token);
    assertThat(otherKey.tokenMatching(surveyId, hash)).isEmpty();
    assertThat(surveys.linkToken("sv-unknown")).isEmpty();
    // The link already relayed still answers: the store finds the survey by its hash.
    assertThat(surveys.answer(token, 4, null)).isEqualTo(SurveyAnswer.RECORDED);
  }

  private String send(AcceptedMessage session, Duration expiresAfter) {
    String surveyId = csat.inviteToSurvey(request(session, expiresAfter)).surveyId();
    return surveys.linkToken(surveyId).orElseThrow();
  }

  private String rowsOf(String table) {
    return jdbc.sql("select * from " + table).query().listOfRows().toString();
  }

  private AcceptedMessage endedSession(String conversationId) {
    AcceptedMessage opened = endUserSays(conversationId, "m-1", "hello");
    closes.close(closing(opened, 1, "Bye."));
    return opened;
  }

  private static SurveyRequest request(AcceptedMessage session, Duration expiresAfter) {
    return new SurveyRequest(
        session.sessionId(),
        session.ticketId(),
        session.conversationId(),
        session.endUserId(),
        expiresAfter,
        "How did we do?",
        5);
  }
}
