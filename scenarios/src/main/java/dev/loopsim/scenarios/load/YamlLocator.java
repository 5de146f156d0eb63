package dev.loopsim.scenarios.load;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Finds where a YAML path (e.g. {@code cells, 1, ranker, type}) is written in a document: the
 * line and column of its key, or of its deepest ancestor that is written there.
 */
final class YamlLocator {
    private final List<String> target;
    private int bestDepth = -1;
    private JsonLocation best;

    private YamlLocator(List<String> target) {
        this.target = target;
    }

    private static final class Frame {
        final List<String> path;
        final boolean array;
        int index;
        String field;

        Frame(List<String> path, boolean array) {
            this.path = path;
            this.array = array;
        }

        List<String> child() {
            List<String> p = new ArrayList<>(path);
            p.add(array ? Integer.toString(index) : field);
            return p;
        }
    }

    /** {line, column} (1-based) of the path or its deepest written ancestor; {0, 0} if none. */
    static int[] locate(String yaml, List<String> path) {
        YamlLocator locator = new YamlLocator(path);
        try (JsonParser parser = new YAMLFactory().createParser(yaml)) {
            locator.walk(parser);
        } catch (IOException | RuntimeException unreadable) {
            // A document that does not parse has no positions to offer beyond what was found so far.
        }
        return locator.best == null ? new int[] {0, 0} : new int[] {locator.best.getLineNr(), locator.best.getColumnNr()};
    }

    private void walk(JsonParser parser) throws IOException {
        Deque<Frame> stack = new ArrayDeque<>();
        JsonToken token;
        while ((token = parser.nextToken()) != null) {
            Frame top = stack.peek();
            switch (token) {
                case FIELD_NAME -> {
                    top.field = parser.currentName();
                    consider(top.child(), parser.currentTokenLocation());
                }
                case START_OBJECT, START_ARRAY -> {
                    List<String> path = top == null ? List.of() : top.child();
                    if (top != null && top.array) {
                        consider(path, parser.currentTokenLocation());
                    } else if (top == null) {
                        consider(path, parser.currentTokenLocation());
                    }
                    stack.push(new Frame(path, token == JsonToken.START_ARRAY));
                }
                case END_OBJECT, END_ARRAY -> {
                    stack.pop();
                    advance(stack.peek());
                }
                default -> {
                    if (top != null && top.array) {
                        consider(top.child(), parser.currentTokenLocation());
                    }
                    advance(top);
                }
            }
        }
    }

    private static void advance(Frame frame) {
        if (frame != null && frame.array) {
            frame.index++;
        }
    }

    private void consider(List<String> path, JsonLocation location) {
        if (path.size() > target.size() || path.size() <= bestDepth) {
            return;
        }
        if (target.subList(0, path.size()).equals(path)) {
            bestDepth = path.size();
            best = location;
        }
    }
}
