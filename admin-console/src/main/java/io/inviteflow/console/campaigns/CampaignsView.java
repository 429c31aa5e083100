package io.inviteflow.console.campaigns;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.inviteflow.console.core.CoreCampaigns;
import io.inviteflow.console.core.CoreClient;
import io.inviteflow.console.core.CoreEvent;
import io.inviteflow.console.core.CoreTeams;
import io.inviteflow.console.team.WorkingFor;
import io.inviteflow.console.core.CoreTickets;
import io.inviteflow.console.engagement.EngagementStore;
import io.inviteflow.console.engagement.EventMetrics;
import io.inviteflow.console.layout.BrowserZone;
import io.inviteflow.console.layout.MainLayout;
import io.inviteflow.console.security.CurrentOrganizer;
import io.inviteflow.console.sending.BatchJobsClient;
import jakarta.annotation.security.PermitAll;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.scheduling.TaskScheduler;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Marketing: build a segment of the organizer's guests and see how many people it reaches as it is built, write the
 * message with merge fields, send it now or at a time; the campaigns so far with their state. batch-jobs sends them
 * (once per person and channel; people who unsubscribed from marketing are never in a segment). A member of other
 * organizers' marketing teams chooses whose campaigns to work on ({@link WorkingFor}).
 */
@Route(value = "campaigns", layout = MainLayout.class)
@PageTitle("Campaigns · Inviteflow")
@PermitAll
public class CampaignsView extends VerticalLayout implements BeforeEnterObserver {

    /** Whose merge fields a preview and a test mail show (the invitation preview's sample guest too). */
    private static final String SAMPLE_GUEST = "Ada Lovelace";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm");

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CampaignsView.class);
    private final CoreClient ownCore;
    private final CoreCampaigns ownCampaigns;
    private final CoreTeams teams;
    private final TaskScheduler poller;
    /** the clients of this page's calls: the organizer's own, or working for the organizer chosen (WorkingFor) */
    private CoreClient core;
    private CoreCampaigns campaigns;
    /** the organizer whose campaigns these are, when not the signed-in one's own */
    private java.util.Optional<UUID> workingFor = java.util.Optional.empty();
    private final EngagementStore engagement;
    /** made anew with each form (the view is reused when its link is followed again) */
    private Button bestTime = new Button();
    /** fills the form's subject and message with a past text (set when the form is built) */
    private java.util.function.BiConsumer<String, String> useText = (s, m) -> { };
    /** what the organizer's past campaigns achieved, for the message ideas; read when the page opens */
    private final VerticalLayout messageIdeas = new VerticalLayout();
    private List<CoreCampaigns.Campaign> pastCampaigns = List.of();
    private Map<UUID, EventMetrics> pastFunnels = Map.of();
    private Map<UUID, String> templateOfEvent = Map.of();
    /** the organizer's opens by hour of the week, for the best send time; none until read */
    private EventMetrics organizerOpens = new EventMetrics(List.of());
    private final BatchJobsClient sending;
    private final CurrentOrganizer organizer;
    private final Grid<CoreCampaigns.Campaign> grid = new Grid<>();
    private final MultiSelectComboBox<CoreEvent> events = new MultiSelectComboBox<>("Guests of");
    private final CheckboxGroup<String> answers = new CheckboxGroup<>("Who answered");
    private final Checkbox openedNotAnswered = new Checkbox("Only those who opened and have not answered");
    private final CheckboxGroup<String> channels = new CheckboxGroup<>("Through");
    private final Paragraph audience = new Paragraph();
    private final Paragraph status = new Paragraph();
    private CampaignResultsPanel results;
    private final GuestFilters filters;
    private ZoneId zone = ZoneId.systemDefault();

    public CampaignsView(CoreClient core, CoreCampaigns campaigns, BatchJobsClient sending, CoreTickets tickets,
                         CurrentOrganizer organizer, @Qualifier("livePoller") TaskScheduler poller,
                         EngagementStore engagement, CoreTeams teams) {
        this.ownCore = core;
        this.core = core;
        this.engagement = engagement;
        this.ownCampaigns = campaigns;
        this.campaigns = campaigns;
        this.teams = teams;
        this.poller = poller;
        this.sending = sending;
        this.organizer = organizer;
        this.results = new CampaignResultsPanel(campaigns, poller);
        this.filters = new GuestFilters(tickets, this::count);
        grid.asSingleSelect().addValueChangeListener(e -> results.show(e.getValue(), organizer.accessToken()));
        grid.addColumn(CoreCampaigns.Campaign::name).setHeader("Campaign").setFlexGrow(2);
        grid.addColumn(CampaignsView::state).setHeader("State");
        grid.addColumn(c -> (c.localTime() != null ? WHEN.format(c.localTime()) + " their time"
                : c.sendAt() == null ? "" : WHEN.format(c.sendAt().atZone(zone))) + repeats(c)).setHeader("Goes at");
        grid.addComponentColumn(c -> new HorizontalLayout(
                action(c, "Pause", "pause", "SCHEDULED".equals(c.status())),
                action(c, "Resume", "resume", "PAUSED".equals(c.status())),
                action(c, "Cancel", "cancel", Set.of("DRAFT", "SCHEDULED", "TESTING", "PAUSED").contains(c.status()))))
                .setFlexGrow(0).setAutoWidth(true);
        grid.setAllRowsVisible(true);
        grid.setSelectionMode(Grid.SelectionMode.SINGLE);
        answers.setItems("YES", "MAYBE", "NO", "NONE");
        answers.setItemLabelGenerator(a -> "NONE".equals(a) ? "Not yet" : a.charAt(0) + a.substring(1).toLowerCase());
        channels.setItems("EMAIL", "PUSH", "SMS");
        channels.setItemLabelGenerator(c -> switch (c) {
            case "PUSH" -> "Notification";
            case "SMS" -> "Text message";
            default -> "Email";
        });
        channels.setValue(Set.of("EMAIL"));
        channels.setHelperText("Notifications reach guests whose browser subscribed; text messages, guests who said "
                + "yes to texts on their invitation page");
        events.setItemLabelGenerator(CoreEvent::title);
        // once, here: the view is reused when its own link is followed again
        events.addValueChangeListener(e -> {
            filters.offerTiersOf(e.getValue(), organizer.accessToken());
            count();
            showMessageIdeas();
        });
        answers.addValueChangeListener(e -> count());
        openedNotAnswered.addValueChangeListener(e -> count());
        channels.addValueChangeListener(e -> count());
        BrowserZone.follow(this, browser -> { // times are the organizer's own
            zone = browser;
            showBestTime();
        });
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        try {
            WorkingFor choice = WorkingFor.of(event.getLocation().getQueryParameters(), teams, organizer, "campaigns");
            workingFor = choice.organizer();
            core = choice.client(ownCore);
            campaigns = workingFor.isPresent() ? new CoreCampaigns(core) : ownCampaigns;
            results = new CampaignResultsPanel(campaigns, poller);
            grid.deselectAll();
            List<CoreEvent> own = core.events(organizer.accessToken());
            events.setItems(own);
            templateOfEvent = own.stream().filter(e -> e.template() != null)
                    .collect(java.util.stream.Collectors.toMap(CoreEvent::id, CoreEvent::template));
            count();
            add(new H2("Campaigns"), choice.select(), new H3("New campaign"), form(), new H3("So far"), grid, status, results);
            refreshList();
        } catch (CoreClient.Unauthorized e) {
            organizer.logout();
        } catch (CoreClient.CoreException e) {
            add(new Paragraph("The Inviteflow core could not be reached. Reload the page to try again."));
        }
    }

    /** "· every week until 20 Jun 2027 (3rd)" for an occurrence of a repeating campaign. */
    private static String repeats(CoreCampaigns.Campaign c) {
        if (c.repeat() == null) {
            return c.occurrence() > 1 ? " · last of its series (" + c.occurrence() + ")" : "";
        }
        return " · every " + c.repeat().every().toLowerCase(java.util.Locale.ROOT) + " until "
                + DateTimeFormatter.ofPattern("d MMM yyyy").format(c.repeat().until()) + " (" + c.occurrence() + ")";
    }

    /** The state in words, with an A/B test's progress. */
    private static String state(CoreCampaigns.Campaign c) {
        String state = c.status().charAt(0) + c.status().substring(1).toLowerCase(java.util.Locale.ROOT);
        if (c.abTest() == null) {
            return state;
        }
        return state + (c.winner() != null ? " · version " + c.winner() + " won" : " · A/B test");
    }

    private Button action(CoreCampaigns.Campaign campaign, String label, String action, boolean enabled) {
        Button button = new Button(label, click -> {
            try {
                campaigns.act(organizer.accessToken(), campaign.id(), action);
                status.setText(label + ": " + campaign.name() + ".");
            } catch (CoreClient.CoreException e) {
                status.setText(label + " did not work: " + e.getMessage());
            }
            refreshList();
        });
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        button.setEnabled(enabled);
        return button;
    }

    /**
     * "When your guests open most": sets the send time to that hour's next start. The opens are read once; the hour
     * is put in the organizer's zone whenever it is known (the browser tells it after the page opened). Hidden while
     * there are too few opens to tell, or when the figures cannot be read.
     */
    private Button bestTimeButton(DateTimePicker at) {
        bestTime = new Button();
        bestTime.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        bestTime.setVisible(false);
        try {
            organizerOpens = engagement.organizerMetrics(workingFor.orElseGet(() -> ownCore.me(organizer.accessToken())
                    .id()));
        } catch (CoreClient.Unauthorized e) {
            throw e;
        } catch (RuntimeException e) {
            log.warn("no best send time: {}", e.toString());
        }
        bestTime.addClickListener(click -> BestSendTime.of(organizerOpens, zone)
                .ifPresent(b -> at.setValue(b.next(java.time.LocalDateTime.now(zone)))));
        showBestTime();
        return bestTime;
    }

    /** The campaigns' funnels, for the message ideas; a failure leaves no ideas (the form works without them). */
    private void readPastFunnels(List<CoreCampaigns.Campaign> list) {
        pastCampaigns = list;
        try {
            pastFunnels = engagement.campaignFunnels(list.stream().map(CoreCampaigns.Campaign::id).toList());
        } catch (RuntimeException e) {
            log.warn("no message ideas: {}", e.toString());
            pastFunnels = Map.of();
        }
        showMessageIdeas();
    }

    /** The texts that worked best for guests of the same kinds of event as the chosen ones, each with "Use". */
    private void showMessageIdeas() {
        messageIdeas.removeAll();
        java.util.Set<String> templates = events.getValue().stream().map(CoreEvent::template)
                .filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet());
        List<MessageSuggestions.Suggestion> ideas = MessageSuggestions.rank(pastCampaigns, pastFunnels,
                templateOfEvent, templates, 3);
        if (ideas.isEmpty()) {
            messageIdeas.setVisible(false);
            return;
        }
        messageIdeas.add(new Paragraph("Your texts that worked best for such events:"));
        for (MessageSuggestions.Suggestion idea : ideas) {
            Button use = new Button("Use", click -> useText.accept(idea.subject(), idea.message()));
            use.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            HorizontalLayout row = new HorizontalLayout(new Span(idea.label()), use);
            row.setAlignItems(FlexComponent.Alignment.BASELINE);
            messageIdeas.add(row);
        }
        messageIdeas.setVisible(true);
    }

    private void showBestTime() {
        java.util.Optional<BestSendTime> best = BestSendTime.of(organizerOpens, zone);
        best.ifPresent(b -> bestTime.setText("Use the hour your guests open most: " + b.label()));
        bestTime.setVisible(best.isPresent());
    }

    private VerticalLayout form() {
        TextField name = new TextField("Name (for you)");
        TextField subject = new TextField("Subject");
        subject.setHelperText("{firstName}, {name}, {eventTitle} and {link} become each person's own");
        TextArea message = new TextArea("Message");
        message.setValue("Dear {firstName},\n\n\n{link}");
        DateTimePicker at = new DateTimePicker("Send at (empty: now)");
        Checkbox theirTime = new Checkbox("At that time on each guest's own clock (their time zone, else the event's)");
        Button bestTime = bestTimeButton(at);
        messageIdeas.setPadding(false);
        messageIdeas.setSpacing(false);
        messageIdeas.addClassName("message-ideas");
        this.useText = (s, m) -> {
            subject.setValue(s);
            message.setValue(m == null ? "" : m);
        };
        showMessageIdeas();
        com.vaadin.flow.component.textfield.IntegerField perMinute =
                new com.vaadin.flow.component.textfield.IntegerField("At most per minute (empty: no limit)");
        perMinute.setMin(1);
        FormLayout segment = new FormLayout(events, answers, openedNotAnswered, channels);
        segment.add(filters, 2);
        RepeatFields repeat = new RepeatFields();
        FormLayout text = new FormLayout(name, subject, message, messageIdeas, at, bestTime, theirTime, perMinute,
                repeat);
        AbTestFields abTest = new AbTestFields();
        Button send = new Button("Schedule", click -> {
            boolean local = theirTime.getValue() && at.getValue() != null;
            Instant when = at.getValue() == null ? null : at.getValue().atZone(zone).toInstant();
            if (!local && when != null && when.isBefore(Instant.now())) {
                status.setText("That time has passed: leave it empty to send now.");
                return; // checked before anything is made, so no draft is left behind
            }
            CoreCampaigns.Repeat repeats;
            try {
                repeats = repeat.value(zone);
            } catch (IllegalStateException e) {
                status.setText(e.getMessage());
                return;
            }
            try {
                String token = organizer.accessToken();
                CoreCampaigns.Campaign draft = campaigns.create(token, name.getValue(), segment(), subject.getValue(),
                        message.getValue(), List.copyOf(channels.getValue()), perMinute.getValue(), abTest.value());
                campaigns.schedule(token, draft.id(), local ? null : when, local ? at.getValue() : null, repeats);
                status.setText("Scheduled: " + draft.name() + (local ? ", at " + WHEN.format(at.getValue())
                        + " on each guest's clock." : when == null ? ", going out now." : "."));
                refreshList();
                grid.getListDataView().getItems().filter(c -> c.id().equals(draft.id())).findFirst()
                        .ifPresent(grid::select);
            } catch (CoreClient.Refused e) {
                status.setText("Not scheduled: " + e.getMessage());
            } catch (CoreClient.CoreException e) {
                status.setText("The core could not be reached: nothing was scheduled. Try again.");
            }
        });
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button preview = new Button("Preview", click -> {
            try {
                new CampaignPreviewDialog(sending.preview(draft(subject, message, abTest)), SAMPLE_GUEST).open();
            } catch (BatchJobsClient.Failed e) {
                status.setText("No preview: " + e.getMessage());
            }
        });
        Button test = new Button("Send a test to me", click -> {
            try {
                int mails = sending.testMail(draft(subject, message, abTest), organizer.email());
                status.setText((mails == 1 ? "A test mail" : mails + " test mails, one per version,") + " went to "
                        + organizer.email() + ". Its links lead here and count nothing.");
            } catch (BatchJobsClient.Failed e) {
                status.setText("No test mail: " + e.getMessage());
            }
        });
        return new VerticalLayout(segment, audience, text, abTest, new HorizontalLayout(send, preview, test));
    }

    /**
     * The form's campaign for the sample guest, in the first chosen event; its links lead back to this page, so a
     * test mail's clicks count for nobody.
     */
    private BatchJobsClient.Draft draft(TextField subject, TextArea message, AbTestFields abTest) {
        CoreCampaigns.AbTest b = abTest.value();
        String eventTitle = events.getValue().stream().map(CoreEvent::title).sorted().findFirst().orElse("Your event");
        String here = com.vaadin.flow.server.VaadinServletRequest.getCurrent().getHttpServletRequest()
                .getRequestURL().toString().replaceFirst("^(https?://[^/]+).*", "$1") + "/campaigns";
        return new BatchJobsClient.Draft(subject.getValue(), message.getValue(), Set.copyOf(channels.getValue()),
                b == null ? null : b.subjectB(), b == null ? null : b.messageB(), eventTitle, SAMPLE_GUEST, here);
    }

    private CoreCampaigns.Segment segment() {
        return new CoreCampaigns.Segment(events.getValue().stream().map(CoreEvent::id).toList(),
                List.copyOf(answers.getValue()), openedNotAnswered.getValue(), filters.tierIds(), filters.checkedIn(),
                filters.waitlisted(), filters.languages());
    }

    /** The audience, counted by the core as the segment is built. */
    private void count() {
        if (events.getValue().isEmpty() || channels.getValue().isEmpty()) {
            audience.setText("Choose events and a channel to see who it reaches.");
            return;
        }
        try {
            long people = campaigns.audience(organizer.accessToken(), segment(), List.copyOf(channels.getValue()));
            audience.setText("Reaches " + people + (people == 1 ? " person." : " people."));
        } catch (CoreClient.CoreException e) {
            audience.setText("Cannot count now: " + e.getMessage());
        }
    }

    private void refreshList() {
        try {
            CoreCampaigns.Campaign selected = grid.asSingleSelect().getValue();
            List<CoreCampaigns.Campaign> list = campaigns.list(organizer.accessToken());
            grid.setItems(list);
            readPastFunnels(list); // the same list: the message ideas come from these campaigns
            // the list's rows are new objects: select the same campaign again, so its results stay on
            list.stream().filter(c -> selected != null && c.id().equals(selected.id())).findFirst()
                    .ifPresent(grid::select);
        } catch (CoreClient.CoreException e) {
            status.setText("The list could not be loaded now: " + e.getMessage());
        }
    }
}
