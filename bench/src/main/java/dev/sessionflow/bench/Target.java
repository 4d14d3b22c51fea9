package dev.sessionflow.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** One of the targets: the figure, its target, the ratio (or value) measured, its verdict. */
record Target(String figure, String target, double ratio, boolean met, String figures) {
  String verdict() {
    return Double.isNaN(ratio) ? "not measured" : met ? "met" : "**missed**";
  }

  Map<String, Object> asMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("figure", figure);
    m.put("target", target);
    m.put("ratio", ratio);
    m.put("verdict", verdict().replace("*", ""));
    m.put("figures", figures);
    return m;
  }
}
