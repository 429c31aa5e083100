package io.inviteflow.recommender;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The commit this jar was built from ({@code git.properties}, written by git-commit-id-maven-plugin at build time). */
final class CodeVersion {

    private CodeVersion() {
    }

    /** {@code abc1234}, {@code abc1234-dirty} when built from uncommitted changes, {@code unknown} outside git. */
    static String current() {
        try (InputStream in = CodeVersion.class.getResourceAsStream("/git.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties git = new Properties();
            git.load(in);
            String commit = git.getProperty("git.commit.id.abbrev", "unknown");
            return Boolean.parseBoolean(git.getProperty("git.dirty")) ? commit + "-dirty" : commit;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
