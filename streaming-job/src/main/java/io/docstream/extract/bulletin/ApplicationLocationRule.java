package io.docstream.extract.bulletin;

import java.util.regex.Pattern;

/** application_location: "Online" when the WHERE TO APPLY section accepts applications on-line, else "Mail or In Person". */
public final class ApplicationLocationRule {

    public static final String ONLINE = "Online";
    public static final String MAIL_OR_IN_PERSON = "Mail or In Person";

    private static final Pattern ACCEPTED_ONLINE = Pattern.compile(
            "(?i)\\b(?:accepted|submitted|filed|received)\\s+(?:only\\s+|exclusively\\s+)?(?:on-?\\s?line|via\\s+the\\s+internet)\\b");

    private ApplicationLocationRule() {}

    public static String applicationLocation(String whereToApplyText) {
        return ACCEPTED_ONLINE.matcher(whereToApplyText).find() ? ONLINE : MAIL_OR_IN_PERSON;
    }
}
