package dev.sessionflow.worker;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The sessionflow service: Temporal worker for messaging sessions plus their HTTP API. */
@SpringBootApplication(scanBasePackages = "dev.sessionflow")
@ConfigurationPropertiesScan("dev.sessionflow")
public class SessionflowApplication {

  public static void main(String[] args) {
    SpringApplication.run(SessionflowApplication.class, args);
  }
}
