package io.inviteflow.core.chat;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Live chat delivery over server-sent events, across any number of core instances: whichever instance stores a
 * message NOTIFYs PostgreSQL, every instance LISTENs on its own connection and pushes the new messages to the
 * browsers connected to it. A browser that reconnects says its last message id ({@code Last-Event-ID}) and gets
 * what it missed, so nothing is lost between connections.
 */
@Component
class ChatFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChatFeed.class);
    /** Browsers reconnect by themselves when a stream ends; a bounded stream frees dead connections. */
    static final Duration STREAM_LIFETIME = Duration.ofMinutes(5);

    private final ChatRepository repository;
    private final DataSourceProperties database;
    private final Map<UUID, Set<Listener>> listeners = new ConcurrentHashMap<>();
    private volatile boolean running;
    private Thread thread;

    ChatFeed(ChatRepository repository, DataSourceProperties database) {
        this.repository = repository;
        this.database = database;
    }

    /** One browser's stream: it has seen every message up to {@code lastId}. */
    private static final class Listener {
        final UUID reader;
        final SseEmitter emitter;
        long lastId;

        Listener(UUID reader, SseEmitter emitter, long lastId) {
            this.reader = reader;
            this.emitter = emitter;
            this.lastId = lastId;
        }
    }

    SseEmitter subscribe(UUID eventId, UUID reader, long lastId) {
        SseEmitter emitter = new SseEmitter(STREAM_LIFETIME.toMillis());
        Listener listener = new Listener(reader, emitter, lastId);
        Set<Listener> ofEvent = listeners.computeIfAbsent(eventId, k -> ConcurrentHashMap.newKeySet());
        ofEvent.add(listener);
        Runnable remove = () -> ofEvent.remove(listener);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        try {
            // sends the headers now (a quiet chat would leave the browser waiting for them) and sets the reconnect delay
            emitter.send(SseEmitter.event().reconnectTime(2000).comment("chat"));
        } catch (IOException e) {
            emitter.completeWithError(e);
            return emitter;
        }
        deliver(eventId, Set.of(listener)); // whatever came between the page's history and this stream
        return emitter;
    }

    private void deliver(UUID eventId, Set<Listener> to) {
        if (to.isEmpty()) {
            return;
        }
        long from = to.stream().mapToLong(l -> l.lastId).min().orElse(0);
        // page until caught up: a listener far behind must not hold the others at its page of messages
        List<ChatMessage> messages = new java.util.ArrayList<>();
        List<ChatMessage> page;
        do {
            page = repository.after(eventId, from, ChatService.HISTORY);
            messages.addAll(page);
            from = page.isEmpty() ? from : page.get(page.size() - 1).id();
        } while (page.size() == ChatService.HISTORY);
        for (Listener listener : to) {
            synchronized (listener) {
                try {
                    for (ChatMessage m : messages) {
                        if (m.id() > listener.lastId) {
                            listener.emitter.send(SseEmitter.event().id(Long.toString(m.id())).name("message")
                                    .data(m.to(listener.reader)));
                            listener.lastId = m.id();
                        }
                    }
                } catch (IOException | IllegalStateException gone) {
                    listener.emitter.completeWithError(gone);
                }
            }
        }
    }

    private void listen() {
        while (running) {
            try (Connection connection = DriverManager.getConnection(database.determineUrl(),
                    database.determineUsername(), database.determinePassword());
                 Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + ChatRepository.CHANNEL);
                PGConnection pg = connection.unwrap(PGConnection.class);
                // (re)connected: anything sent while this instance was not listening is delivered now
                listeners.forEach(this::deliver);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(1000);
                    if (notifications == null) {
                        continue;
                    }
                    for (PGNotification n : notifications) {
                        UUID eventId = UUID.fromString(n.getParameter());
                        deliver(eventId, listeners.getOrDefault(eventId, Set.of()));
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("chat feed lost its database connection, reconnecting: {}", e.getMessage());
                    sleep();
                }
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::listen, "chat-feed");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        listeners.values().forEach(set -> set.forEach(l -> l.emitter.complete()));
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
