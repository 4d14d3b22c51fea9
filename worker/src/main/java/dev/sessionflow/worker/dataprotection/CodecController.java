package dev.sessionflow.worker.dataprotection;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import dev.sessionflow.activities.datakeys.StoredDataKeys;
import dev.sessionflow.worker.api.ApiException;
import dev.sessionflow.worker.api.ProblemType;
import dev.sessionflow.workflows.codec.PayloadEncryption;
import dev.sessionflow.workflows.codec.PayloadKeys;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.Payloads;
import io.temporal.payload.codec.PayloadCodecException;
import java.util.List;
import java.util.function.UnaryOperator;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Temporal's codec protocol: {@code Payloads} as protobuf JSON in, the same out, for the Web UI and
 * {@code temporal ... --codec-endpoint <service>/codec}. Admins only ({@code
 * SecurityConfig#codecSecurity}). What an erasure shredded stays encrypted: its key is gone. Encode
 * uses the payload key (no workflow is named here).
 */
@RestController
@RequestMapping(path = "/codec", produces = MediaType.APPLICATION_JSON_VALUE)
class CodecController {
  private final PayloadEncryption codec;

  CodecController(PayloadKeys keys, StoredDataKeys dataKeys) {
    this.codec = new PayloadEncryption(keys, dataKeys);
  }

  @PostMapping("/encode")
  String encode(@RequestBody String body) {
    return transform(body, codec::encode);
  }

  @PostMapping("/decode")
  String decode(@RequestBody String body) {
    return transform(body, codec::decodeWhatIsLeft);
  }

  private static String transform(String body, UnaryOperator<List<Payload>> codec) {
    Payloads.Builder in = Payloads.newBuilder();
    try {
      JsonFormat.parser().ignoringUnknownFields().merge(body, in);
    } catch (InvalidProtocolBufferException | RuntimeException e) {
      throw new ApiException(
          ProblemType.VALIDATION, "The body is not Temporal Payloads as protobuf JSON");
    }
    List<Payload> out;
    try {
      out = codec.apply(in.getPayloadsList());
    } catch (PayloadCodecException e) {
      throw new ApiException(ProblemType.PAYLOAD_NOT_DECODABLE, e.getMessage());
    }
    try {
      return JsonFormat.printer().print(Payloads.newBuilder().addAllPayloads(out));
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException(e);
    }
  }
}
