package dev.sessionflow.activities.widget;

/** A visitor just started, with its bearer token (shown only now; the store keeps its hash). */
public record IssuedVisitor(String token, Visitor visitor) {}
