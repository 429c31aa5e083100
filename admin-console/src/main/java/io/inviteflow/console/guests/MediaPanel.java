package io.inviteflow.console.guests;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import io.inviteflow.console.core.CoreClient;

import java.util.UUID;

/** The event's images and videos: upload (the core makes phone sizes) and see what is there. */
class MediaPanel extends VerticalLayout {

    private final HorizontalLayout gallery = new HorizontalLayout();
    private final Paragraph status = new Paragraph();
    private final CoreClient core;
    private final String token;
    private final UUID eventId;

    MediaPanel(CoreClient core, String token, UUID eventId) {
        this.core = core;
        this.token = token;
        this.eventId = eventId;
        setPadding(false);
        gallery.setWrap(true);
        Upload upload = new Upload(UploadHandler.inMemory((file, bytes) -> {
            UI ui = UI.getCurrent();
            try {
                core.uploadMedia(token, eventId, file.fileName(), bytes);
                ui.access(() -> {
                    status.setText(file.fileName() + " added.");
                    refresh();
                });
            } catch (CoreClient.Refused e) {
                ui.access(() -> status.setText(file.fileName() + " was not added: " + e.getMessage()));
            }
        }));
        upload.setMaxFileSize(100 * 1024 * 1024);
        upload.setDropLabel(new Span("Images (JPEG, PNG, GIF, WebP, up to 15 MB) or videos (MP4, MOV, WebM, up to 100 MB)"));
        add(upload, status, gallery);
        refresh();
    }

    private void refresh() {
        gallery.removeAll();
        for (JsonNode media : core.media(token, eventId)) {
            JsonNode variants = media.path("variants");
            String url = variants.size() > 0 ? variants.get(0).path("url").asText() : media.path("url").asText();
            if ("IMAGE".equals(media.path("kind").asText())) {
                Image image = new Image(url, media.path("originalName").asText("image"));
                image.setHeight("6rem");
                gallery.add(image);
            } else {
                gallery.add(new com.vaadin.flow.component.html.Anchor(url, media.path("originalName").asText("video")));
            }
        }
    }
}
