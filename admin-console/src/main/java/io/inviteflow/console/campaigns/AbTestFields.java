package io.inviteflow.console.campaigns;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.inviteflow.console.core.CoreCampaigns;

import java.time.Duration;
import java.util.Map;

/**
 * The A/B test part of the campaign form: a second subject and message, how much of the audience tries the two, by
 * what the winner is chosen and after how long. Hidden until asked for; the core checks the values.
 */
class AbTestFields extends FormLayout {

    private static final Map<String, String> WINNER_BY = Map.of("OPENED", "More opens", "CLICKED", "More clicks",
            "ANSWERED", "More answers");

    private final Checkbox enabled = new Checkbox("Try a second version on part of the audience first");
    private final TextField subjectB = new TextField("Subject B");
    private final TextArea messageB = new TextArea("Message B");
    private final IntegerField testPercent = new IntegerField("Test share (% of the audience, half each version)");
    private final Select<String> winnerBy = new Select<>();
    private final IntegerField decideAfterHours = new IntegerField("Pick the winner after (hours)");

    AbTestFields() {
        testPercent.setMin(10);
        testPercent.setMax(50);
        testPercent.setValue(20);
        winnerBy.setLabel("The winner has");
        winnerBy.setItems("OPENED", "CLICKED", "ANSWERED");
        winnerBy.setItemLabelGenerator(WINNER_BY::get);
        winnerBy.setValue("CLICKED");
        decideAfterHours.setMin(1);
        decideAfterHours.setMax(168);
        decideAfterHours.setValue(4);
        enabled.addValueChangeListener(e -> showFields(e.getValue()));
        add(enabled, subjectB, messageB, testPercent, winnerBy, decideAfterHours);
        setColspan(enabled, 2);
        showFields(false);
    }

    private void showFields(boolean shown) {
        subjectB.setVisible(shown);
        messageB.setVisible(shown);
        testPercent.setVisible(shown);
        winnerBy.setVisible(shown);
        decideAfterHours.setVisible(shown);
    }

    /** Null when no test was asked for. */
    CoreCampaigns.AbTest value() {
        if (!enabled.getValue()) {
            return null;
        }
        Integer hours = decideAfterHours.getValue();
        return new CoreCampaigns.AbTest(subjectB.getValue(), messageB.getValue(), testPercent.getValue(),
                winnerBy.getValue(), hours == null ? null : Duration.ofHours(hours).toString());
    }
}
