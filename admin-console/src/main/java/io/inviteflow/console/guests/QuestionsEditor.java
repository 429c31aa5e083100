package io.inviteflow.console.guests;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import io.inviteflow.console.core.CoreClient;
import io.inviteflow.console.core.CoreGuests;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** The questions of one event: add one, remove one; the core checks them and keeps answers to those that stay. */
class QuestionsEditor extends VerticalLayout {

    private final CoreClient core;
    private final String token;
    private final Grid<CoreGuests.Question> grid = new Grid<>();
    private final Paragraph message = new Paragraph();
    private List<CoreGuests.Question> questions = new ArrayList<>();
    private UUID eventId;

    QuestionsEditor(CoreClient core, String token) {
        this.core = core;
        this.token = token;
        setPadding(false);
        grid.setAllRowsVisible(true);
        grid.addColumn(CoreGuests.Question::label).setHeader("Question").setFlexGrow(3);
        grid.addColumn(CoreGuests.Question::kind).setHeader("Kind");
        grid.addColumn(q -> q.options() == null ? "" : String.join(", ", q.options())).setHeader("Options")
                .setFlexGrow(2);
        grid.addColumn(q -> q.required() ? "required" : "optional").setHeader("");
        grid.addColumn(q -> q.perGuest() ? "each guest" : "the invitee").setHeader("Asked of");
        grid.addComponentColumn(q -> {
            Button remove = new Button("Remove", click -> save(questions.stream().filter(x -> x != q).toList()));
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            return remove;
        });

        Select<String> kind = new Select<>();
        kind.setLabel("Kind");
        kind.setItems("CHOICE", "MULTI_CHOICE", "TEXT", "NUMBER");
        kind.setValue("CHOICE");
        TextField label = new TextField("Question");
        TextField options = new TextField("Options, comma-separated");
        Checkbox required = new Checkbox("Required");
        Checkbox perGuest = new Checkbox("Ask each plus-one too");
        Button add = new Button("Add question", click -> {
            List<String> opts = options.getValue().isBlank() ? List.of()
                    : Arrays.stream(options.getValue().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            List<CoreGuests.Question> next = new ArrayList<>(questions);
            next.add(new CoreGuests.Question(null, kind.getValue(), label.getValue(), opts, required.getValue(),
                    perGuest.getValue(), null, null));
            if (save(next)) {
                label.clear();
                options.clear();
            }
        });
        HorizontalLayout form = new HorizontalLayout(kind, label, options, required, perGuest, add);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        add(grid, form, message);
    }

    void load(UUID eventId) {
        this.eventId = eventId;
        questions = new ArrayList<>(core.questions(token, eventId));
        grid.setItems(questions);
    }

    private boolean save(List<CoreGuests.Question> next) {
        try {
            questions = new ArrayList<>(core.replaceQuestions(token, eventId, next));
            grid.setItems(questions);
            message.setText("");
            return true;
        } catch (CoreClient.Refused e) {
            message.setText("Not saved: " + e.getMessage());
            return false;
        }
    }
}
