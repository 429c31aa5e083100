package io.inviteflow.loadgen;

import java.util.List;
import java.util.Set;

/**
 * What the demo's guests do with the ideas on their invitation page (a Meetup: things to bring): a guest who said YES
 * opens one idea and picks another, by what their Meetup group is about — so the demo's retrain has tastes to learn,
 * taken from the sample's real group topics rather than drawn at random.
 */
final class DemoIdeas {

    private record Taste(Set<String> words, String opened, String picked) {
    }

    private static final List<Taste> TASTES = List.of(
            new Taste(Set.of("software", "tech", "programming", "data", "web", "developer", "cloud", "machine",
                    "blockchain", "javascript", "python", "java", "startup"), "work-business-cards", "work-laptop"),
            new Taste(Set.of("business", "networking", "professional", "career", "entrepreneur", "marketing",
                    "investing"), "work-laptop", "work-business-cards"),
            new Taste(Set.of("hiking", "outdoor", "walking", "camping", "nature", "fitness", "running", "sports",
                    "cycling"), "work-water-bottle", "bbq-picnic-blanket"));
    private static final Taste SOCIAL = new Taste(Set.of(), "party-drinks", "party-snacks");

    private DemoIdeas() {
    }

    static void browse(CoreClient client, String token, List<String> topics) {
        Taste taste = tasteOf(topics);
        CoreClient.expect(client.postForm("/i/" + token + "/ideas/" + taste.opened() + "/clicks", ""), 204);
        CoreClient.expect(client.postForm("/i/" + token + "/ideas/" + taste.picked(), "picked=true"), 303);
    }

    /** The first taste any topic's words name; the social one otherwise. */
    private static Taste tasteOf(List<String> topics) {
        for (Taste taste : TASTES) {
            for (String topic : topics) {
                for (String word : topic.split("-")) {
                    if (taste.words().contains(word)) {
                        return taste;
                    }
                }
            }
        }
        return SOCIAL;
    }
}
