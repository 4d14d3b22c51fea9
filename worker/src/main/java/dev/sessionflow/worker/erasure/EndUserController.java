package dev.sessionflow.worker.erasure;

import dev.sessionflow.activities.erasure.EndUserData;
import dev.sessionflow.worker.api.PathIds;
import dev.sessionflow.worker.auth.Caller;
import dev.sessionflow.workflows.erasure.EndUserErasure;
import dev.sessionflow.workflows.erasure.Erasure;
import io.swagger.v3.oas.annotations.Operation;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class EndUserController {
  private final WorkflowClient temporal;

  EndUserController(WorkflowClient temporal) {
    this.temporal = temporal;
  }

  @Operation(
      summary = "Erase an end user's personal data",
      description =
          "Ends their running sessions (reason ERASED, no survey), then empties their messages'"
              + " texts, their name and their survey comments, and adds an ERASED audit entry to"
              + " each of their tickets. Runs as a durable workflow: the answer comes once it is"
              + " started. Asking again is harmless.")
  @ResponseStatus(HttpStatus.ACCEPTED)
  @DeleteMapping("/api/v1/end-users/{endUserId}")
  ErasureAccepted erase(@PathVariable String endUserId, Caller caller) {
    String id = "erasure-" + EndUserData.subjectHash(PathIds.check("endUserId", endUserId));
    EndUserErasure erasure =
        temporal.newWorkflowStub(
            EndUserErasure.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(id)
                .setTaskQueue(EndUserErasure.TASK_QUEUE)
                .setStaticSummary("erasure of an end user (by " + caller.getName() + ")")
                .build());
    try {
      WorkflowClient.start(erasure::run, new Erasure(endUserId, caller.getName()));
    } catch (WorkflowExecutionAlreadyStarted running) {
      // the same end user's erasure is under way: it covers this request too
    }
    return new ErasureAccepted(id);
  }
}
