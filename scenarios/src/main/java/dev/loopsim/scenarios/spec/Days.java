package dev.loopsim.scenarios.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.loopsim.core.ParameterException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A duration in days, written in YAML as a number of days or with a unit: {@code 30m},
 * {@code 1h}, {@code 2d}, {@code 1w}.
 */
public record Days(double value, String text) {
    private static final Pattern FORM = Pattern.compile("\\s*([0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\\s*([smhdw]?)\\s*");

    public static Days of(double days) {
        return new Days(days, format(days));
    }

    @JsonCreator
    public static Days parse(Object raw) {
        if (raw instanceof Number number) {
            return of(number.doubleValue());
        }
        String text = String.valueOf(raw);
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new ParameterException("", "expected a duration such as 30m, 1h, 2d or 1w (or a number of days), found '" + text + "'");
        }
        double amount = Double.parseDouble(m.group(1));
        double days = switch (m.group(2)) {
            case "s" -> amount / 86_400;
            case "m" -> amount / 1_440;
            case "h" -> amount / 24;
            case "w" -> amount * 7;
            default -> amount;
        };
        return new Days(days, text.trim());
    }

    @JsonValue
    public Object json() {
        return text;
    }

    private static String format(double days) {
        return days == Math.rint(days) ? (long) days + "d" : Double.toString(days);
    }
}
