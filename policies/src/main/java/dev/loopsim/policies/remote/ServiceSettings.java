package dev.loopsim.policies.remote;

import dev.loopsim.core.ParameterException;
import dev.loopsim.core.world.Catalog;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Which service a remote policy talks to, as its YAML says: a command to start or a host:port to
 * connect to, checked the same way for every role; and the session, opened at its first use.
 */
final class ServiceSettings {
    private static volatile Consumer<String> serviceOutput = line -> { };

    private ServiceSettings() { }

    /** Where a started service's stderr lines go besides its last words (see {@link RemoteRanker#showServiceOutput}). */
    static void showServiceOutput(Consumer<String> sink) {
        serviceOutput = java.util.Objects.requireNonNull(sink);
    }

    /** The command as given: a list, or one string split at spaces; empty when absent. */
    static List<String> command(List<String> command) {
        List<String> parts = command == null ? List.of()
                : command.size() == 1 ? List.of(command.get(0).trim().split("\\s+")) : List.copyOf(command);
        return parts.size() == 1 && parts.get(0).isEmpty() ? List.of() : parts;
    }

    /** host:port, checked, and never both a command and an address. */
    static String connect(String connect, List<String> command) {
        String address = connect == null ? "" : connect.trim();
        if (!command.isEmpty() && !address.isEmpty()) {
            throw new ParameterException("connect", "give either command (a service to start) or connect (host:port of a "
                    + "running one), not both");
        }
        if (!address.isEmpty() && !address.matches("[^:\\s]+:\\d{1,5}")) {
            throw new ParameterException("connect", "connect must be host:port, such as localhost:7070, found '" + address + "'");
        }
        return address;
    }

    static void checkRequired(List<String> command, String connect, String role) {
        if (command.isEmpty() && connect.isEmpty()) {
            throw new ParameterException("command", "a remote " + role + " needs command (the service to start, such as "
                    + "[python3, my_policy.py]) or connect (host:port of a running service)");
        }
    }

    /** How error messages name the service. */
    static String label(String role, List<String> command, String connect) {
        return "remote " + role + " (" + (command.isEmpty() ? "at " + connect : String.join(" ", command)) + ")";
    }

    /** A session opened at the first call of {@link #get} (so a policy never asked anything starts nothing) and closed once. */
    static final class Lazy {
        private final String label;
        private final List<String> command;
        private final String connect;
        private final double timeout;
        private final String batchType;
        private final String replyType;
        private final String hello;
        private volatile PolicyService service;

        /**
         * @param role      the hello's role, and the word error messages use: {@code ranker}, {@code artwork}, {@code row-order}
         * @param batchType the type of its decision messages; {@code replyType} the type of their replies
         */
        Lazy(String role, List<String> command, String connect, double timeout, String batchType, String replyType,
             Catalog catalog, Map<String, Object> parameters) {
            this.label = label(role.equals("artwork") ? "artwork selector" : role.replace("-", " "), command, connect);
            this.command = command;
            this.connect = connect;
            this.timeout = timeout;
            this.batchType = batchType;
            this.replyType = replyType;
            this.hello = Protocol.hello(role, catalog, parameters);
        }

        PolicyService get() {
            PolicyService open = service;
            if (open != null) {
                return open;
            }
            synchronized (this) {
                if (service == null) {
                    Transport transport;
                    try {
                        transport = command.isEmpty() ? Transport.connect(connect, (int) Math.min(Integer.MAX_VALUE, timeout * 1000))
                                : Transport.start(Home.expand(command), Path.of("").toAbsolutePath(), Home.environment(), serviceOutput);
                    } catch (java.io.UncheckedIOException e) {
                        throw new RemotePolicyException(label + ": " + e.getMessage());
                    }
                    service = new PolicyService(label, transport, timeout, hello, batchType, replyType);
                }
                return service;
            }
        }

        /** Whether the session was ever opened. */
        boolean opened() {
            return service != null;
        }

        synchronized void close() {
            if (service != null) {
                service.close();
            }
        }
    }
}
