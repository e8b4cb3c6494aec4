package io.spindle.core.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a configuration file as strict UTF-8, so a stray Latin-1 byte is an error with its line. */
final class ConfigFileText {

    private ConfigFileText() { }

    static String read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ConfigException(Diagnostic.error(file.toString(), null, "cannot read: " + e.getMessage()), e);
        }
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        int line = 1;
        int lineStart = start;
        for (int i = start; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                checkUtf8(file, bytes, lineStart, i, line);
                line++;
                lineStart = i + 1;
            }
        }
        return new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
    }

    private static void checkUtf8(Path file, byte[] bytes, int from, int to, int line) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            decoder.decode(ByteBuffer.wrap(bytes, from, to - from));
        } catch (CharacterCodingException e) {
            throw new ConfigException(Diagnostic.error(file + ":" + line, null,
                    "not valid UTF-8 (save the file as UTF-8)"), e);
        }
    }
}
