package io.aide.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OpenAI-compatible chat-completions endpoint scripted per model name: the test double of a model server, the
 * one thing outside the product. Each model answers from its script (a fixed sequence whose last answer repeats,
 * or a function of the request); a request for a model with no script gets "OK". A request that asks to stream
 * gets its answer as server-sent chunks (one delta per piece, a usage chunk, then {@code [DONE]}); the other
 * answers are an HTTP error with OpenAI's error body, malformed JSON, a delay before the answer, or tool calls
 * ({@code choices[0].message.tool_calls}; streamed as {@code delta.tool_calls} chunks, the arguments in pieces, as
 * OpenAI sends them). Every request is recorded with its Authorization header, model and body, so a test can tell
 * whose key and model were used, which tools were declared and which tool results were sent back.
 */
public final class ScriptedModelServer implements AutoCloseable {
    /** One request as the server received it. */
    public record Request(String authorization, String model, boolean streamed, String body) {
        /** True when the request's text (system prompt, user prompt, history) contains {@code text}. */
        public boolean mentions(String text) {
            return unescaped().contains(text);
        }

        /** The body with JSON string escapes of quotes and new lines undone, to search prompts as written. */
        public String unescaped() {
            return body.replace("\\n", "\n").replace("\\\"", "\"").replace("\\t", "\t");
        }

        /** The body as JSON. */
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("the request body is not JSON: " + e.getMessage(), e);
            }
        }

        /** The request's declared tools by name: each one's {@code function} object (description, parameters). */
        public Map<String, JsonNode> tools() {
            Map<String, JsonNode> tools = new java.util.LinkedHashMap<>();
            for (JsonNode tool : json().path("tools")) {
                tools.put(tool.path("function").path("name").asText(), tool.path("function"));
            }
            return tools;
        }

        /** The content of the {@code tool} message answering the call {@code toolCallId}, if the request has one. */
        public java.util.Optional<String> toolResult(String toolCallId) {
            for (JsonNode message : json().path("messages")) {
                if ("tool".equals(message.path("role").asText()) && toolCallId.equals(message.path("tool_call_id")
                        .asText())) {
                    return java.util.Optional.of(message.path("content").asText());
                }
            }
            return java.util.Optional.empty();
        }
    }

    /** What the model answers to one request. */
    public sealed interface Answer {
    }

    /** The answer's text, streamed in these pieces when the request streams, else joined into one message. */
    public record Text(List<String> pieces) implements Answer {
    }

    /** An HTTP error with OpenAI's error body. */
    public record Failure(int status, String message) implements Answer {
    }

    /** A 200 whose body is cut off mid-JSON. */
    public record Malformed() implements Answer {
    }

    /** One tool call: its id, the tool's name, its arguments as the JSON text the model wrote (maybe not JSON). */
    public record ToolCall(String id, String name, String arguments) {
    }

    /** An answer calling tools ({@code finish_reason: tool_calls}), with no text. */
    public record ToolCalls(List<ToolCall> calls) implements Answer {
    }

    /** The answer after a delay (longer than a caller's timeout, to provoke one). */
    public record Late(Duration delay, Answer answer) implements Answer {
    }

    public static Answer text(String content) {
        return new Text(List.of(content));
    }

    public static Answer chunks(String... pieces) {
        return new Text(List.of(pieces));
    }

    public static Answer failure(int status, String message) {
        return new Failure(status, message);
    }

    public static ToolCall toolCall(String id, String name, String arguments) {
        return new ToolCall(id, name, arguments);
    }

    public static Answer toolCalls(ToolCall... calls) {
        return new ToolCalls(List.of(calls));
    }

    public static Answer malformed() {
        return new Malformed();
    }

    /** An answer of {@code characters} characters (a SQL comment), streamed in pieces of 10,000 when asked to stream. */
    public static Answer oversized(int characters) {
        String body = "-- " + "x".repeat(Math.max(0, characters - 3));
        List<String> pieces = new java.util.ArrayList<>();
        for (int i = 0; i < body.length(); i += 10_000) {
            pieces.add(body.substring(i, Math.min(body.length(), i + 10_000)));
        }
        return new Text(pieces);
    }

    public static Answer late(Duration delay, Answer answer) {
        return new Late(delay, answer);
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern MODEL = Pattern.compile("\"model\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern STREAM = Pattern.compile("\"stream\"\\s*:\\s*true");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Function<Request, Answer>> scripts = new ConcurrentHashMap<>();

    private ScriptedModelServer(HttpServer server) {
        this.server = server;
    }

    /** Starts the server on a free loopback port. */
    public static ScriptedModelServer start() {
        try {
            ScriptedModelServer s = new ScriptedModelServer(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
            s.server.setExecutor(s.executor);
            s.server.createContext("/v1/chat/completions", s::answer);
            s.server.start();
            return s;
        } catch (IOException e) {
            throw new IllegalStateException("the scripted model server could not start: " + e.getMessage(), e);
        }
    }

    /** The base URL an OpenAI client is given ({@code http://127.0.0.1:<port>/v1}). */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Requests for {@code model} get these answers in order; the last one answers every later request. */
    public ScriptedModelServer script(String model, Answer... answers) {
        if (answers.length == 0) {
            throw new IllegalArgumentException("a script needs at least one answer");
        }
        List<Answer> queue = new ArrayList<>(List.of(answers));
        return script(model, request -> {
            synchronized (queue) {
                return queue.size() > 1 ? queue.remove(0) : queue.get(0);
            }
        });
    }

    /** Requests for {@code model} get the answer the function gives for them. */
    public ScriptedModelServer script(String model, Function<Request, Answer> responder) {
        scripts.put(model, responder);
        return this;
    }

    /** Every request received so far, in arrival order. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The requests made for {@code model}. */
    public List<Request> requestsFor(String model) {
        return requests.stream().filter(r -> model.equals(r.model())).toList();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Matcher model = MODEL.matcher(body);
        Request request = new Request(exchange.getRequestHeaders().getFirst("Authorization"),
                model.find() ? model.group(1) : null, STREAM.matcher(body).find(), body);
        requests.add(request);
        Answer answer;
        try {
            answer = scripts.getOrDefault(request.model() == null ? "" : request.model(), r -> text("OK")).apply(request);
        } catch (RuntimeException e) {
            answer = failure(500, "the script failed: " + e);
        }
        reply(exchange, request, answer);
    }

    private void reply(HttpExchange exchange, Request request, Answer answer) throws IOException {
        if (answer instanceof Late late) {
            try {
                if (stopping.await(late.delay().toMillis(), TimeUnit.MILLISECONDS)) {
                    exchange.close();
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.close();
                return;
            }
            reply(exchange, request, late.answer());
        } else if (answer instanceof Failure f) {
            send(exchange, f.status(), "{\"error\":{\"message\":" + quote(f.message()) + ",\"type\":\"server_error\"}}");
        } else if (answer instanceof Malformed) {
            send(exchange, 200, "{\"id\":\"chatcmpl-1\",\"choices\":[{\"message\":");
        } else if (answer instanceof ToolCalls t && request.streamed()) {
            streamToolCalls(exchange, t.calls());
        } else if (answer instanceof ToolCalls t) {
            send(exchange, 200, toolCompletion(t.calls()));
        } else if (answer instanceof Text t && request.streamed()) {
            stream(exchange, t.pieces());
        } else if (answer instanceof Text t) {
            send(exchange, 200, completion(String.join("", t.pieces())));
        }
    }

    private static void stream(HttpExchange exchange, List<String> pieces) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            for (String piece : pieces) {
                out.write(("data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
                        + "\"model\":\"scripted\",\"choices\":[{\"index\":0,\"delta\":{\"content\":" + quote(piece)
                        + "},\"finish_reason\":null}]}\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            out.write(("data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
                    + "\"model\":\"scripted\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],"
                    + "\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":6,\"total_tokens\":18}}\n\n"
                    + "data: [DONE]\n\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * Tool calls streamed as OpenAI does: per call a first chunk with its index, id, type and name (arguments empty),
     * then its arguments in pieces of at most 16 characters, then {@code finish_reason: tool_calls} and the usage.
     */
    private static void streamToolCalls(HttpExchange exchange, List<ToolCall> calls) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; i < calls.size(); i++) {
                ToolCall call = calls.get(i);
                chunk(out, "{" + (i == 0 ? "\"role\":\"assistant\",\"content\":null," : "") + "\"tool_calls\":[{"
                        + "\"index\":" + i + ",\"id\":" + quote(call.id()) + ",\"type\":\"function\",\"function\":"
                        + "{\"name\":" + quote(call.name()) + ",\"arguments\":\"\"}}]}", "null");
                for (int at = 0; at < call.arguments().length(); at += 16) {
                    chunk(out, "{\"tool_calls\":[{\"index\":" + i + ",\"function\":{\"arguments\":"
                            + quote(call.arguments().substring(at, Math.min(call.arguments().length(), at + 16)))
                            + "}}]}", "null");
                }
            }
            chunk(out, "{}", "\"tool_calls\"");
            out.write(("data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
                    + "\"model\":\"scripted\",\"choices\":[],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":6,"
                    + "\"total_tokens\":18}}\n\ndata: [DONE]\n\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void chunk(OutputStream out, String delta, String finishReason) throws IOException {
        out.write(("data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
                + "\"model\":\"scripted\",\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":"
                + finishReason + "}]}\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static String toolCompletion(List<ToolCall> calls) {
        StringBuilder toolCalls = new StringBuilder();
        for (ToolCall call : calls) {
            toolCalls.append(toolCalls.isEmpty() ? "" : ",").append("{\"id\":").append(quote(call.id()))
                    .append(",\"type\":\"function\",\"function\":{\"name\":").append(quote(call.name()))
                    .append(",\"arguments\":").append(quote(call.arguments())).append("}}");
        }
        return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1700000000,\"model\":\"scripted\","
                + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":null,\"tool_calls\":["
                + toolCalls + "]},\"finish_reason\":\"tool_calls\"}],\"usage\":{\"prompt_tokens\":10,"
                + "\"completion_tokens\":5,\"total_tokens\":15}}";
    }

    private static String completion(String content) {
        return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1700000000,\"model\":\"scripted\","
                + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":" + quote(content) + "},"
                + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":5,"
                + "\"total_tokens\":15}}";
    }

    /** A JSON string literal of {@code text}. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        stopping.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
