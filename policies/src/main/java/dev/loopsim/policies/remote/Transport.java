package dev.loopsim.policies.remote;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One line-delimited connection to a policy service: a child process's stdin and stdout, or a TCP
 * socket. {@link #abort} may be called from another thread to unblock a pending {@link #receive}.
 */
interface Transport extends AutoCloseable {

    /** Writes one line and flushes it. */
    void send(String line) throws IOException;

    /** The next line, or null when the service closed its end. */
    String receive() throws IOException;

    /** Breaks the connection at once (a timeout): a blocked {@link #receive} returns or throws. */
    void abort();

    /** What the service last said on its own (a child's stderr), for error messages; empty if nothing. */
    String lastWords();

    /** Whether the service is gone: a child that exited, with its exit code. */
    String exitStatus();

    @Override
    void close();

    /** Starts {@code command} in {@code folder} and talks over its stdio; its stderr lines go to {@code output}, and the last ones are kept. */
    static Transport start(List<String> command, Path folder, Map<String, String> environment, Consumer<String> output) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile());
        builder.environment().putAll(environment);
        try {
            return new ChildProcess(builder.start(), output);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + String.join(" ", command) + ": " + e.getMessage(), e);
        }
    }

    /** Connects to a service listening on {@code host:port}. */
    static Transport connect(String address, int timeoutMillis) {
        int colon = address.lastIndexOf(':');
        String host = address.substring(0, colon);
        int port = Integer.parseInt(address.substring(colon + 1));
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true); // one small line per batch: Nagle would hold it back
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            return new TcpConnection(socket);
        } catch (IOException e) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // nothing was opened
            }
            throw new UncheckedIOException("cannot connect to " + address + ": " + e.getMessage(), e);
        }
    }

    /** Lines over a pair of streams: what the child process and the socket share. */
    abstract class Lines implements Transport {
        private final BufferedWriter in;
        private final BufferedReader out;

        Lines(OutputStream toService, InputStream fromService) {
            this.in = new BufferedWriter(new OutputStreamWriter(toService, StandardCharsets.UTF_8), 1 << 16);
            this.out = new BufferedReader(new InputStreamReader(fromService, StandardCharsets.UTF_8), 1 << 16);
        }

        @Override
        public void send(String line) throws IOException {
            in.write(line);
            in.write('\n');
            in.flush();
        }

        @Override
        public String receive() throws IOException {
            return out.readLine();
        }

        /** Closes the stream to the service. */
        void closeInput() {
            try {
                in.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
    }

    /** A child process; closing it closes its stdin (a well-behaved server then exits) and then kills it if it lingers. */
    final class ChildProcess extends Lines {
        private static final int KEPT_LINES = 20;
        private final Process process;
        private final Consumer<String> output;
        private final Deque<String> stderrTail = new ArrayDeque<>();
        private final Thread stderrPump;

        ChildProcess(Process process, Consumer<String> output) {
            super(process.getOutputStream(), process.getInputStream());
            this.process = process;
            this.output = output;
            this.stderrPump = new Thread(this::pumpStderr, "loopsim-policy-stderr");
            stderrPump.setDaemon(true);
            stderrPump.start();
        }

        private void pumpStderr() {
            try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line = err.readLine(); line != null; line = err.readLine()) {
                    output.accept(line);
                    synchronized (stderrTail) {
                        stderrTail.addLast(line);
                        if (stderrTail.size() > KEPT_LINES) {
                            stderrTail.removeFirst();
                        }
                    }
                }
            } catch (IOException ended) {
                // the child is gone
            }
        }

        @Override
        public void abort() {
            process.destroyForcibly();
        }

        @Override
        public String lastWords() {
            try {
                stderrPump.join(500); // a crashed child's traceback may still be in the pipe
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (stderrTail) {
                return String.join("\n", stderrTail);
            }
        }

        @Override
        public String exitStatus() {
            try {
                if (process.waitFor(200, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    return "it exited with code " + process.exitValue();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "";
        }

        @Override
        public void close() {
            closeInput();
            try {
                if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A TCP connection to a running service. */
    final class TcpConnection extends Lines {
        private final Socket socket;

        TcpConnection(Socket socket) throws IOException {
            super(socket.getOutputStream(), socket.getInputStream());
            this.socket = socket;
        }

        @Override
        public void abort() {
            close();
        }

        @Override
        public String lastWords() {
            return "";
        }

        @Override
        public String exitStatus() {
            return "";
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }
}
