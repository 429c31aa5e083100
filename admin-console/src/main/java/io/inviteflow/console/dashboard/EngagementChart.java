package io.inviteflow.console.dashboard;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.html.Div;
import elemental.json.Json;
import elemental.json.JsonArray;
import io.inviteflow.console.engagement.MinuteActivity;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

/**
 * Opens (line) and answers (bars) per minute, drawn by ECharts in the browser. ECharts is the webjar
 * {@code org.webjars.npm:echarts}, served by Spring Boot under {@code /webjars/} and added to the page as a plain
 * script: no {@code @NpmPackage}/{@code @JsModule}, so the production build keeps Vaadin's prebuilt bundle
 * (STACK.md). Data go to the browser with {@code executeJs}, only when they changed.
 */
class EngagementChart extends Div {

    static final String ECHARTS_URL = "context://webjars/echarts/5.3.1/dist/echarts.min.js";
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("HH:mm");

    // Init waits for the script (loaded once per page), keeps the chart on the element, resizes with it, and
    // applies data that arrived before the chart existed.
    private static final String INIT_JS = """
            const el = this;
            const init = () => {
              if (!window.echarts) { setTimeout(init, 50); return; }
              if (el.$chart) { return; }
              el.$chart = window.echarts.init(el);
              el.$chart.setOption({
                animation: false,
                tooltip: { trigger: 'axis' },
                legend: { data: ['Opens', 'Answers'] },
                grid: { left: 48, right: 16, top: 40, bottom: 32 },
                xAxis: { type: 'category', data: [] },
                yAxis: { type: 'value', minInterval: 1 },
                series: [
                  { name: 'Opens', type: 'line', showSymbol: false, data: [] },
                  { name: 'Answers', type: 'bar', data: [] }
                ]
              });
              if (el.$pending) { el.$chart.setOption(el.$pending); el.$pending = null; }
              new ResizeObserver(() => el.$chart && el.$chart.resize()).observe(el);
            };
            init();
            """;
    private static final String UPDATE_JS = """
            const option = { xAxis: { data: $0 }, series: [ { data: $1 }, { data: $2 } ] };
            if (this.$chart) { this.$chart.setOption(option); } else { this.$pending = option; }
            """;

    private List<MinuteActivity> shown;
    private ZoneId zone = ZoneId.of("UTC");

    EngagementChart() {
        setWidthFull();
        setHeight("320px");
    }

    /** @param zone the event's time zone, for the minute labels */
    void setZone(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        attachEvent.getUI().getPage().addJavaScript(ECHARTS_URL);
        getElement().executeJs(INIT_JS);
        if (shown != null) {
            send(shown);
        }
    }

    /** Shows these minutes (oldest first); does nothing when they equal what is shown already. */
    void setMinutes(List<MinuteActivity> minutes) {
        if (Objects.equals(minutes, shown)) {
            return;
        }
        shown = List.copyOf(minutes);
        if (isAttached()) {
            send(shown);
        }
    }

    private void send(List<MinuteActivity> minutes) {
        JsonArray labels = Json.createArray();
        JsonArray opens = Json.createArray();
        JsonArray answers = Json.createArray();
        for (int i = 0; i < minutes.size(); i++) {
            MinuteActivity m = minutes.get(i);
            labels.set(i, MINUTE.format(m.minute().atZone(zone)));
            opens.set(i, m.opens());
            answers.set(i, m.answers());
        }
        getElement().executeJs(UPDATE_JS, labels, opens, answers);
    }
}
