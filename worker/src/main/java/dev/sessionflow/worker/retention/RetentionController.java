package dev.sessionflow.worker.retention;

import dev.sessionflow.worker.auth.Caller;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/retention")
class RetentionController {
  private final RetentionOverview retention;

  RetentionController(RetentionOverview retention) {
    this.retention = retention;
  }

  @Operation(
      summary = "The retention setting, what the next pass would purge, and the past passes",
      description =
          "Every hour the schedule sessionflow-retention empties the message texts and survey"
              + " comments of sessions that ended more than transcriptsKeptFor ago. dueNow counts"
              + " what a pass would purge now, changing nothing.")
  @GetMapping
  RetentionView get() {
    return retention.view();
  }

  @Operation(
      summary = "Set how long transcripts are kept (null: for ever)",
      description =
          "Whole days from P1D to P3650D. The next hourly pass purges what is then due; nothing"
              + " purged comes back if the period is lengthened later.")
  @PutMapping
  RetentionView put(Caller caller, @RequestBody RetentionChange change) {
    return retention.set(change.transcriptsKeptFor(), caller.getName());
  }
}
