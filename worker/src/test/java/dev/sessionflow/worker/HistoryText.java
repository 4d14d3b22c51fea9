package dev.sessionflow.worker;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import dev.sessionflow.workflows.codec.DataKeys;
import dev.sessionflow.workflows.codec.PayloadEncryption;
import dev.sessionflow.workflows.codec.PayloadKeys;
import io.temporal.api.common.v1.Payload;
import java.util.List;
import java.util.Map;

/** A workflow history's payloads, decrypted, as text: what an admin reads through the codec. */
public final class HistoryText {
  private HistoryText() {}

  /** Every payload in {@code history} (a history, an event, a payload), decrypted, as text. */
  public static String decoded(Message history, PayloadKeys keys, DataKeys dataKeys) {
    StringBuilder text = new StringBuilder();
    collect(history, new PayloadEncryption(keys, dataKeys), text);
    return text.toString();
  }

  private static void collect(Message message, PayloadEncryption codec, StringBuilder text) {
    if (message instanceof Payload payload) {
      text.append(codec.decode(List.of(payload)).getFirst().getData().toStringUtf8()).append('\n');
      return;
    }
    for (Map.Entry<FieldDescriptor, Object> field : message.getAllFields().entrySet()) {
      if (field.getKey().getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
        continue;
      }
      if (field.getKey().isRepeated()) {
        for (Object item : (List<?>) field.getValue()) {
          if (item instanceof Message m) {
            collect(m, codec, text);
          }
        }
      } else {
        collect((Message) field.getValue(), codec, text);
      }
    }
  }
}
