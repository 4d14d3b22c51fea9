package dev.sessionflow.worker.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Query strings the container cannot parse, found before anything reads a parameter. */
class QueryStringFilterTest {

  @Test
  void anEmptyNameOrABadEscapeIsAProblemAndAnythingElseIsNot() {
    assertThat(QueryStringFilter.problem("=x")).contains("without a name");
    assertThat(QueryStringFilter.problem("a=1&=")).contains("without a name");
    assertThat(QueryStringFilter.problem("%zz=1")).contains("percent escape");
    assertThat(QueryStringFilter.problem("a=%2")).contains("percent escape");
    assertThat(QueryStringFilter.problem(null)).isNull();
    assertThat(QueryStringFilter.problem("status=ACTIVE&&limit=10&flag")).isNull();
    assertThat(QueryStringFilter.problem("after=1.000000000~s%2D1")).isNull();
  }
}
