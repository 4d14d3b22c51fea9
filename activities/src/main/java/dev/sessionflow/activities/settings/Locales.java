package dev.sessionflow.activities.settings;

import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;

/** BCP 47 language tags as the service keeps them, and the order in which texts fall back. */
public final class Locales {
  /** The longest tag kept (the conversations' column). */
  public static final int MAX_LENGTH = 35;

  /**
   * The tags taken: a language (2 or 3 letters), optionally a script (4 letters) and a region (2
   * letters or 3 digits), such as {@code pt}, {@code pt-BR}, {@code zh-Hant-TW}, {@code es-419}.
   * Every tag it matches is well-formed BCP 47, so the API's schema says exactly what is accepted.
   */
  public static final String PATTERN = "^[A-Za-z]{2,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|[0-9]{3}))?$";

  private Locales() {}

  /**
   * The tag in its canonical form ({@code pt-br} becomes {@code pt-BR}, the old {@code iw} becomes
   * {@code he}), or null if it does not match {@link #PATTERN}.
   */
  public static String normalized(String tag) {
    if (tag == null || tag.length() > MAX_LENGTH || !tag.matches(PATTERN)) {
      return null;
    }
    try {
      return new Locale.Builder().setLanguageTag(tag).build().toLanguageTag();
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
