package io.inviteflow.core.template;

import io.inviteflow.core.web.Problems;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.List;

/** The template catalogue: the same for everyone, so it may be cached. */
@RestController
class TemplateController {

    private final TemplateCatalogue catalogue;

    TemplateController(TemplateCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping("/api/v1/templates")
    ResponseEntity<List<EventTemplate>> all() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofHours(1))).body(catalogue.all());
    }

    @GetMapping("/api/v1/templates/{id}")
    ResponseEntity<EventTemplate> one(@PathVariable String id) {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofHours(1)))
                .body(catalogue.find(id).orElseThrow(() -> Problems.notFound("template", id)));
    }
}
