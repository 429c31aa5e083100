package io.inviteflow.core.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.inviteflow.core.support.Api;
import io.inviteflow.core.support.CoreIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Exports shaped as the Eventbrite and Meetup APIs document them. */
class EventImportIT extends CoreIntegrationTest {

    @LocalServerPort
    int port;
    Api api;
    String token;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        token = api.newOrganizerToken();
    }

    @Test
    void eventbriteEventsImportOnceWithTheirZoneVenueAndCapacity() {
        byte[] export = """
                {"pagination":{"object_count":3,"page_number":1,"page_size":50,"page_count":1,"has_more_items":false},
                 "events":[
                  {"id":"717926867587","name":{"text":"Data Engineering Night","html":"Data Engineering Night"},
                   "description":{"text":"Talks and pizza"},"url":"https://www.eventbrite.com/e/717926867587",
                   "start":{"timezone":"America/Los_Angeles","local":"2027-05-12T18:30:00","utc":"2027-05-13T01:30:00Z"},
                   "end":{"timezone":"America/Los_Angeles","local":"2027-05-12T21:00:00","utc":"2027-05-13T04:00:00Z"},
                   "capacity":120,"online_event":false,
                   "venue":{"name":"The Hall","address":{"localized_address_display":"1 Market St, San Francisco, CA",
                            "latitude":"37.7936","longitude":"-122.3950"}}},
                  {"id":"717926867588","name":{"text":"Remote workshop"},"online_event":true,
                   "start":{"timezone":"Europe/Paris","local":"2027-06-01T10:00:00"},
                   "end":{"timezone":"Europe/Paris","local":"2027-06-01T12:00:00"}},
                  {"id":"717926867589","name":{"text":"Broken"},
                   "start":{"timezone":"Mars/Olympus_Mons","local":"2027-06-01T10:00:00"}}
                 ]}""".getBytes(StandardCharsets.UTF_8);

        JsonNode first = api.upload("/api/v1/events/import", token, "events.json", export).json();
        JsonNode again = api.upload("/api/v1/events/import", token, "events.json", export).json();

        assertThat(first.get("imported")).hasSize(2);
        assertThat(first.get("rejected")).singleElement().satisfies(r -> {
            assertThat(r.get("index").asInt()).isEqualTo(2);
            assertThat(r.get("reason").asText()).contains("Mars/Olympus_Mons");
        });
        assertThat(again.get("imported")).isEmpty();
        assertThat(again.get("skipped")).hasSize(2);
        JsonNode night = api.get("/api/v1/events/" + first.at("/imported/0/id").asText(), token).json();
        assertThat(night.get("startsAt").asText()).isEqualTo("2027-05-12T18:30:00-07:00");
        assertThat(night.get("timeZone").asText()).isEqualTo("America/Los_Angeles");
        assertThat(night.get("capacity").asInt()).isEqualTo(120);
        assertThat(night.at("/venue/lat").asDouble()).isEqualTo(37.7936);
        assertThat(night.get("source").asText()).isEqualTo("eventbrite:717926867587");
        JsonNode remote = api.get("/api/v1/events/" + first.at("/imported/1/id").asText(), token).json();
        assertThat(remote.get("onlinePlatform").asText()).isEqualTo("JITSI");
    }

    @Test
    void meetupEventsFromTheV3AndGraphQlApis() {
        byte[] v3 = """
                [{"id":"238486635","name":"Kafka Streams in practice","time":1811433600000,"utc_offset":-14400000,
                  "duration":7200000,"rsvp_limit":80,"description":"<p>Bring <b>questions</b>&amp;laptops</p>",
                  "venue":{"name":"Civic Hall","address_1":"124 E 14th St","city":"New York","lat":40.734,"lon":-73.99},
                  "group":{"timezone":"America/New_York"}}]""".getBytes(StandardCharsets.UTF_8);
        byte[] graphQl = """
                {"data":{"groupByUrlname":{"upcomingEvents":{"edges":[{"node":{"id":"301","title":"Flink meetup",
                  "dateTime":"2027-09-14T19:00+02:00","endTime":"2027-09-14T21:00+02:00",
                  "venue":{"name":"Factory","address":"Rheinsberger Str. 76","city":"Berlin","lat":52.53,"lng":13.39}}}]}}}}"""
                .getBytes(StandardCharsets.UTF_8);

        JsonNode a = api.upload("/api/v1/events/import", token, "meetup.json", v3).json();
        JsonNode b = api.upload("/api/v1/events/import", token, "meetup.json", graphQl).json();

        JsonNode kafka = api.get("/api/v1/events/" + a.at("/imported/0/id").asText(), token).json();
        assertThat(kafka.get("startsAt").asText()).isEqualTo("2027-05-27T12:00:00-04:00");
        assertThat(kafka.get("endsAt").asText()).isEqualTo("2027-05-27T14:00:00-04:00");
        assertThat(kafka.get("capacity").asInt()).isEqualTo(80);
        assertThat(kafka.get("description").asText()).isEqualTo("Bring questions&laptops");
        assertThat(kafka.at("/venue/address").asText()).isEqualTo("124 E 14th St, New York");
        JsonNode flink = api.get("/api/v1/events/" + b.at("/imported/0/id").asText(), token).json();
        assertThat(flink.get("title").asText()).isEqualTo("Flink meetup");
        assertThat(flink.at("/venue/lon").asDouble()).isEqualTo(13.39);
        assertThat(api.upload("/api/v1/events/import", token, "x.json", "not json".getBytes()).status())
                .isEqualTo(415);
    }
}
