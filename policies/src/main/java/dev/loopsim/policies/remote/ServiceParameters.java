package dev.loopsim.policies.remote;

import com.fasterxml.jackson.annotation.JsonFormat;
import dev.loopsim.core.RequiresSettings;
import dev.loopsim.core.Validate;
import java.util.List;
import java.util.Map;

/**
 * The settings of a service that is asked once per page (a remote artwork selector or row order):
 * the service to start ({@code command}) or reach ({@code connect}), the seconds to wait for a
 * reply, and the parameters passed to it in the hello.
 */
public record ServiceParameters(@JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> command,
                                String connect, double timeout, Map<String, Object> parameters) implements RequiresSettings {
    public static final ServiceParameters DEFAULTS = new ServiceParameters(List.of(), "", 30, Map.of());

    public ServiceParameters {
        command = ServiceSettings.command(command);
        connect = ServiceSettings.connect(connect, command);
        Validate.inRange("timeout", timeout, 0.001, 86_400, "seconds, at most a day");
        parameters = parameters == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
    }

    @Override
    public void checkRequired() {
        ServiceSettings.checkRequired(command, connect, "service");
    }
}
