using System.Globalization;
using System.Text.Json.Nodes;

namespace Gateway.Kubernetes.Testing;

/// <summary>Watch subscriptions and the change history they replay.</summary>
internal sealed partial class ObjectStore
{
    /// <summary>
    /// Opens a watch. Without a resourceVersion (or with "0") the watch starts with a synthetic ADDED for every current
    /// match, as the real server does; with one, it replays the recorded changes after it. Registration and the initial
    /// events are taken under one lock, so no change falls between them.
    /// </summary>
    public WatchSubscription Subscribe(ResourceType type, string? @namespace, Func<JsonObject, bool> filter, string? resourceVersion)
    {
        lock (_lock)
        {
            var subscription = new WatchSubscription(type, @namespace, filter);
            if (string.IsNullOrEmpty(resourceVersion) || resourceVersion == "0")
            {
                foreach (var (key, stored) in _objects.OrderBy(p => p.Key.Namespace, StringComparer.Ordinal).ThenBy(p => p.Key.Name, StringComparer.Ordinal))
                {
                    if (subscription.Wants(key, stored.Object))
                    {
                        var rv = long.Parse(stored.Object["metadata"]!["resourceVersion"]!.GetValue<string>(), CultureInfo.InvariantCulture);
                        subscription.Events.Writer.TryWrite(new WatchEvent(rv, "ADDED", key, (JsonObject)stored.Object.DeepClone()));
                    }
                }
            }
            else
            {
                var from = long.Parse(resourceVersion, CultureInfo.InvariantCulture);
                foreach (var change in _history.Where(e => e.ResourceVersion > from && e.Key is not null && subscription.Wants(e.Key, e.Object)))
                {
                    subscription.Events.Writer.TryWrite(change);
                }
            }

            _watches.Add(subscription);
            return subscription;
        }
    }

    /// <summary>Closes a watch; later changes are no longer written to it.</summary>
    public void Unsubscribe(WatchSubscription subscription)
    {
        lock (_lock)
        {
            _watches.Remove(subscription);
            subscription.Events.Writer.TryComplete();
        }
    }

    /// <summary>Sends an arbitrary event (BOOKMARK, ERROR with a 410 Status, …) to every open watch on <paramref name="type"/>.</summary>
    public void Inject(ResourceType type, string eventType, JsonObject obj)
    {
        lock (_lock)
        {
            var injected = new WatchEvent(_resourceVersion, eventType, null, obj);
            foreach (var watch in _watches.Where(w => w.IsOn(type)))
            {
                watch.Events.Writer.TryWrite(injected);
            }
        }
    }

    /// <summary>The number of open watches on <paramref name="type"/>, so tests can wait until a watcher is connected.</summary>
    public int WatchCount(ResourceType type)
    {
        lock (_lock)
        {
            return _watches.Count(w => w.IsOn(type));
        }
    }

    /// <summary>Records a change and hands it to matching watches. A deletion gets its own resourceVersion, as on the real server.</summary>
    private void Publish(string eventType, ObjectKey key, JsonObject obj)
    {
        var snapshot = (JsonObject)obj.DeepClone();
        if (eventType == "DELETED")
        {
            _resourceVersion++;
            snapshot["metadata"]!["resourceVersion"] = _resourceVersion.ToString(CultureInfo.InvariantCulture);
        }

        var change = new WatchEvent(_resourceVersion, eventType, key, snapshot);
        _history.Add(change);
        foreach (var watch in _watches.Where(w => w.Wants(key, snapshot)))
        {
            watch.Events.Writer.TryWrite(change);
        }
    }
}
