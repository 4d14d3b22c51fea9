package dev.sessionflow.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every module's main code stays readable in one sitting: no file over 300 lines, and every package
 * says what it holds in a {@code package-info.java} (CONTRIBUTING.md, "Habits").
 */
class MainFileSizeTest {
  private static final int MAX_LINES = 300;
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  void noMainFileIsOver300Lines() throws IOException {
    List<String> over =
        mainSources()
            .filter(f -> lines(f) > MAX_LINES)
            .map(f -> ROOT.relativize(f) + " (" + lines(f) + ")")
            .toList();
    assertThat(mainSources().count()).isGreaterThan(200);
    assertThat(over).isEmpty();
  }

  @Test
  void everyMainPackageHasAPackageInfo() throws IOException {
    List<String> without =
        mainSources()
            .map(Path::getParent)
            .distinct()
            .filter(dir -> !Files.exists(dir.resolve("package-info.java")))
            .map(dir -> ROOT.relativize(dir).toString())
            .toList();
    assertThat(without).isEmpty();
  }

  private static Stream<Path> mainSources() throws IOException {
    try (Stream<Path> modules = Files.list(ROOT)) {
      List<Path> roots =
          modules.map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).toList();
      assertThat(roots).hasSizeGreaterThanOrEqualTo(5);
      return roots.stream()
          .flatMap(MainFileSizeTest::walk)
          .filter(f -> f.toString().endsWith(".java"));
    }
  }

  private static Stream<Path> walk(Path root) {
    try {
      return Files.walk(root).toList().stream();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static long lines(Path file) {
    try (Stream<String> lines = Files.lines(file)) {
      return lines.count();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
