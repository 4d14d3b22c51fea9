package dev.sessionflow.activities.settings;

import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;

/** BCP 47 language tags as the service keeps them, and the order in which texts fall back. */
public final class Locales {
  /** The longest tag kept (the conversations' column). */
  public static final int MAX_LENGTH = 35;

  /** What a tag may look like before it is parsed: letters, digits and hyphens. */
  public static final String PATTERN = "^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,5}$";

  private Locales() {}

  /**
   * The tag in its canonical case ({@code pt-br} becomes {@code pt-BR}), or null if it is not a
   * well-formed BCP 47 tag of at most {@link #MAX_LENGTH} characters.
   */
  public static String normalized(String tag) {
    if (tag == null || tag.length() > MAX_LENGTH || !tag.matches(PATTERN)) {
      return null;
    }
    try {
      String canonical = new Locale.Builder().setLanguageTag(tag).build().toLanguageTag();
      return canonical.equalsIgnoreCase(tag) ? canonical : null;
    } catch (IllformedLocaleException e) {
      return null;
    }
  }

  /** {@code zh-Hant-TW}, then {@code zh-Hant}, then {@code zh}: the tags to try, in order. */
  public static List<String> fallbacks(String tag) {
    List<String> tags = new ArrayList<>();
    for (String t = tag; t != null && !t.isEmpty(); ) {
      tags.add(t);
      int cut = t.lastIndexOf('-');
      t = cut < 0 ? null : t.substring(0, cut);
    }
    return tags;
  }
}
