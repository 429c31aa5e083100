package io.inviteflow.console.ml;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.html.Div;
import elemental.json.Json;
import elemental.json.JsonArray;

import java.util.List;

/**
 * NDCG of ALS, popularity and random per compared version, as grouped bars drawn by ECharts in the browser (the
 * webjar the dashboard's chart loads as a plain script: no frontend build, STACK.md).
 */
class ComparisonChart extends Div {

    private static final String ECHARTS_URL = "context://webjars/echarts/5.3.1/dist/echarts.min.js";
    private static final String DRAW_JS = """
            const el = this;
            const draw = () => {
              if (!window.echarts) { setTimeout(draw, 50); return; }
              el.$chart = el.$chart || window.echarts.init(el);
              el.$chart.setOption({
                animation: false,
                tooltip: { trigger: 'axis' },
                legend: { data: ['ALS', 'popularity', 'random'] },
                grid: { left: 56, right: 16, top: 40, bottom: 32 },
                xAxis: { type: 'category', data: $0 },
                yAxis: { type: 'value', name: $4 },
                series: [
                  { name: 'ALS', type: 'bar', data: $1 },
                  { name: 'popularity', type: 'bar', data: $2 },
                  { name: 'random', type: 'bar', data: $3 }
                ]
              }, true);
            };
            draw();
            """;

    ComparisonChart() {
        setWidthFull();
        setHeight("280px");
    }

    @Override
    protected void onAttach(AttachEvent event) {
        event.getUI().getPage().addJavaScript(ECHARTS_URL);
    }

    void show(List<ModelsClient.Version> versions) {
        List<ModelsClient.Version> scored = versions.stream().filter(v -> v.metrics() != null
                && v.metrics().als() != null && v.metrics().popularity() != null && v.metrics().random() != null)
                .toList();
        JsonArray names = Json.createArray();
        JsonArray als = Json.createArray();
        JsonArray popularity = Json.createArray();
        JsonArray random = Json.createArray();
        for (int i = 0; i < scored.size(); i++) {
            ModelsClient.Version v = scored.get(i);
            names.set(i, v.version());
            als.set(i, v.metrics().als().ndcg());
            popularity.set(i, v.metrics().popularity().ndcg());
            random.set(i, v.metrics().random().ndcg());
        }
        int k = scored.isEmpty() ? 10 : scored.get(0).metrics().k();
        getElement().executeJs(DRAW_JS, names, als, popularity, random, "NDCG@" + k);
    }
}
