import HeraldCore

extension MatchDocument {
    /// The fields rules see of a feed item: `title`, `text` (the longest body), `source` (the
    /// feed's own title), `feed` (its name in the config), `tag` (the item's categories and the
    /// feed's tags), `lang` (the feed's `language`), `author` and `url` (the item's link).
    public init(item: Item, feed: FeedConfig?, source: String?) {
        self.init(
            title: item.title, text: item.bodyText, source: source ?? "", feed: feed?.name ?? "",
            tags: item.categories + (feed?.tags ?? []), language: feed?.language, author: item.author,
            url: item.link)
    }
}
