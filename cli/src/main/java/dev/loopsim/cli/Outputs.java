package dev.loopsim.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one rule for every file a command writes, checked before any work: an input is never
 * replaced (nor written into, for an input folder), even with --force; a directory is never a file
 * target; an existing file is replaced only with --force.
 */
final class Outputs {
    private Outputs() { }

    /**
     * @param option how the user named the output ("--out", "--to"), for the message
     * @param inputs the files or folders the command reads
     */
    static void refuseToOverwrite(Path output, String option, boolean force, Path... inputs) throws IOException {
        Path absolute = output.toAbsolutePath().normalize();
        for (Path input : inputs) {
            if (input == null || !Files.exists(input)) {
                continue;
            }
            if (Files.isDirectory(input) && absolute.startsWith(input.toRealPath())) {
                throw new BadInputException(option + " " + output + " is inside the input folder " + input
                        + ", which must stay as it is; choose another " + option);
            }
            if (Files.exists(output) && Files.isSameFile(output, input)) {
                throw new BadInputException(option + " " + output + " is the input " + input + ", which is never replaced; "
                        + "choose another " + option);
            }
        }
        if (Files.isDirectory(output)) {
            throw new BadInputException(option + " " + output + " is a directory; expected a file");
        }
        if (Files.exists(output) && !force) {
            throw new BadInputException(output + " exists already; choose another " + option + ", or give --force to replace it");
        }
    }
}
