// The panel's words in the page's language, through the browser's own Intl (plural rules, number
// and date formats, text direction): the wasm holds neither catalogs nor locale tables.
//
// MESSAGES: one catalog per language, id → text. {name} is a placeholder (numbers are formatted by
// Intl.NumberFormat for the language); an object is a plural, keyed by the Intl.PluralRules
// category of {n}. A host overrides any id through `panel.strings`. The object is kept as strict
// JSON: a native test reads it, and fails when a catalog lacks an id another has.
export const MESSAGES = {
  "en": {
    "people": "People",
    "search.placeholder": "Search loaded people",
    "search.label": "Search people",
    "new-person": "New person",
    "refresh": "Refresh",
    "refresh.title": "Get what changed in the CRM",
    "count.of": "{loaded} of {total}",
    "count.loaded": "{loaded} loaded",
    "count.matching": "{shown} matching · {base} loaded",
    "count.filtered": "{shown} of {loaded} · {filter}",
    "announce.loaded": { "one": "{n} person loaded", "other": "{n} people loaded" },
    "announce.loaded-of": { "one": "{n} of {total} person loaded", "other": "{n} of {total} people loaded" },
    "announce.results": { "one": "{n} person matches", "other": "{n} people match" },
    "list.label": "People list",
    "list.empty": "No people in this CRM yet. Add the first one with “New person”.",
    "list.no-match": "No loaded person matches “{query}”.",
    "list.no-match-more": "No loaded person matches “{query}”. More people are not loaded yet: load more to search them too.",
    "list.no-match-filter": "No loaded person matches these filters.",
    "list.no-match-filter-more": "No loaded person matches these filters. More people are not loaded yet: load more to look through them too.",
    "sort.label": "Sort",
    "sort.crm": "CRM order",
    "sort.name": "Name, A to Z",
    "sort.-name": "Name, Z to A",
    "sort.-created": "Newest first",
    "sort.created": "Oldest first",
    "sort.-updated": "Recently changed first",
    "sort.updated": "Longest unchanged first",
    "filter.open": "Filter",
    "filter.count": "Filter ({n})",
    "filter.clear": "Clear filters",
    "filter.value": "{value} ({n})",
    "filter.empty": "The loaded people have no stage or tag to filter by.",
    "list.loading": "Loading…",
    "list.load-more": "Load more",
    "list.all-loaded": "Everyone is loaded.",
    "list.load-all": "Load all",
    "list.stop": "Stop",
    "list.loading-all": "Loading {progress}…",
    "list.remembered": "Updated {ago}",
    "row.deleting": "Deleting…",
    "field.first-name": "First name",
    "field.last-name": "Last name",
    "field.email": "Email",
    "field.phone": "Phone",
    "field.company": "Company",
    "field.job-title": "Job title",
    "field.city": "City",
    "field.stage": "Stage",
    "field.tags": "Tags",
    "field.tags-input": "Tags (comma-separated)",
    "field.source": "Source",
    "field.created": "Created",
    "field.updated": "Updated",
    "details.label": "Details of {name}",
    "details.close": "Close details",
    "edit": "Edit",
    "delete": "Delete",
    "delete.label": "Delete {name}?",
    "delete.question": "Delete {name} from the CRM? This can't be undone.",
    "delete.failed": "It was not deleted. {reason}",
    "delete.confirm": "Yes, delete",
    "cancel": "Cancel",
    "form.new": "New person",
    "form.edit": "Edit person",
    "form.saving": "Saving…",
    "form.save-changes": "Save changes",
    "form.save-new": "Save person",
    "form.close": "Close",
    "form.first-name-required": "Enter a first name.",
    "form.last-name-required": "Enter a last name.",
    "form.name-required": "Enter a first or last name.",
    "form.email-required": "Enter an email address.",
    "form.email-invalid": "Enter an email address like name@example.com.",
    "form.phone-invalid": "Use digits, spaces and + - ( ) only.",
    "form.not-loaded": "The list isn't loaded yet: wait for it, then save again. Your values are kept.",
    "form.nothing-changed": "Nothing has changed yet: edit a field, then save.",
    "form.edit-load-failed": "{error} Close the form and edit again to retry.",
    "form.edit-unconfirmed": "We couldn't confirm that the changes were saved. {error} Saving them again is safe; your values are kept.",
    "form.edit-failed": "The changes were not saved. {error} Your values are kept.",
    "form.checking": "The save wasn't confirmed: checking with the CRM whether the person was saved…",
    "form.create-refused": "The CRM did not save this person{detail}. Fix it and save again; your values are kept.",
    "form.create-unconfirmed": "We couldn't confirm whether {name} was saved ({reason}). Press Save to check again before anything is sent; your values are kept.",
    "form.create-failed": "{error} Your values are kept.",
    "notice.added": "Added {name}.",
    "notice.added-elsewhere": "Added {name} to the CRM the panel showed when it was saved.",
    "network.offline": "you appear to be offline",
    "network.no-answer": "no answer from the server",
    "network.cut-off": "the answer was cut off",
    "network.unreliable": "the CRM could not be reached reliably",
    "network.too-long": "the CRM's list is too long to check quickly",
    "notice.added-confirmed": "Added {name}. The CRM's answer to the save was lost or an error, but it confirms it was saved once.",
    "notice.added-resent": "Added {name}. The first attempt never reached the CRM, so it was sent again.",
    "notice.saved": "Saved {name}.",
    "notice.deleted": "Deleted {name}.",
    "notice.deleted-elsewhere": "{name} was already deleted elsewhere; removed from the list.",
    "notice.gone-elsewhere": "{name} was deleted in the CRM by someone else; removed from the list.",
    "notice.up-to-date": "Up to date: {changed} changed or new, {removed} removed.",
    "notice.retrying": "Retrying… (attempt {attempt} failed: {reason})",
    "notice.retry": "Retry",
    "notice.dismiss": "Dismiss",
    "state.loading": "Loading people…",
    "state.syncing.title": "Your CRM is still syncing",
    "state.syncing": "A newly connected CRM takes a minute to sync. People appear here as soon as it's ready.",
    "state.connect.title": "Connect your CRM",
    "state.connect": "No CRM is connected yet. Connect one to see and add people here.",
    "state.connect.check": "I've connected it — check again",
    "state.config.title": "The panel is misconfigured",
    "state.signed-out.title": "Sign-in needed",
    "state.reconnect.title": "Reconnect your CRM",
    "state.not-permitted.title": "No permission",
    "state.rate-limited.title": "Too many requests",
    "state.offline.title": "Can't reach the CRM",
    "state.error.title": "Something went wrong",
    "state.session-ended.title": "Signed out",
    "state.session-ended": "You signed out. Your people show here again once you sign in.",
    "state.try-again": "Try again",
    "choose.title": "Which CRM?",
    "choose.message": "You have several CRMs connected. Choose the one to show.",
    "config.token-url": "The token-url attribute is missing: set it to your backend's route that returns a token, e.g. token-url=\"/api/rollout-token\".",
    "config.provider": "provider=\"{value}\" is not supported: use \"rollout\" or \"rally\".",
    "config.rally-api-base": "provider=\"rally\" needs an api-base attribute, e.g. api-base=\"https://your-tenant.rallycrm.io/api/v1\".",
    "config.page-size": "page-size=\"{value}\" is not valid: use a whole number from 1 to {max}.",
    "config.theme": "theme=\"{value}\" is not supported: use \"light\", \"dark\" or \"auto\".",
    "config.cache": "cache=\"{value}\" is not supported: use \"none\", \"session\" (this tab) or \"device\" (this browser, at most a day).",
    "config.fields": "fields names \"{value}\", which the panel doesn't know: list some of {known}, separated by commas.",
    "config.sort": "sort=\"{value}\" is not supported: use name, created or updated, with a leading - for descending (e.g. sort=\"-updated\").",
    "config.filter": "filter has \"{value}\", which is not a stage:… or tag:… item: list them separated by commas, e.g. filter=\"stage:Lead,tag:buyer\".",
    "config.no-change-feed": "This CRM has no change feed to refresh from.",
    "error.signed-out": "Sign-in needed: the token route {url} {reason}. Sign in to the app again, then retry.",
    "error.unauthorized": "The CRM did not accept your session{detail}. Sign in again, then retry.",
    "error.forbidden": "Reconnect your CRM: the connection is no longer valid{detail}.",
    "error.not-permitted": "You don't have permission to do this in the CRM{detail}. Ask its administrator for access.",
    "error.syncing": "Your CRM is still syncing. People appear here as soon as the first sync finishes.",
    "error.rate-limited": "The CRM is receiving too many requests right now. Wait a moment, then retry.",
    "error.network": "Can't reach the CRM{detail}. Check your connection, then retry.",
    "error.not-found": "The CRM has no such record{detail}: it may have been deleted elsewhere.",
    "error.rejected": "The CRM refused this{detail}.",
    "error.server": "The CRM had a problem (HTTP {status}){detail}. Retry in a moment.",
    "error.malformed": "The CRM sent an answer the panel can't read{detail}.",
    "error.dropped": "Stopped: the user signed out or another user signed in.",
    "error.code-missing": "This part of the panel could not be loaded. Check your connection and try again.",
    "later.loading": "Loading…",
    "token.unreachable": "could not be reached",
    "token.http": "answered HTTP {status}",
    "token.unreadable": "answered an unreadable body",
    "token.expired": "answered an expired token",
    "token.empty": "answered nothing",
    "token.html": "answered an HTML page instead of a token (a sign-in page?)",
    "token.malformed-json": "answered malformed JSON",
    "token.no-token": "answered JSON without a \"token\" string",
    "token.not-jwt": "answered something that is not a JWT"
  },
  "de": {
    "people": "Personen",
    "search.placeholder": "Geladene Personen durchsuchen",
    "search.label": "Personen suchen",
    "new-person": "Neue Person",
    "refresh": "Aktualisieren",
    "refresh.title": "Änderungen aus dem CRM holen",
    "count.of": "{loaded} von {total}",
    "count.loaded": "{loaded} geladen",
    "count.matching": "{shown} Treffer · {base} geladen",
    "count.filtered": "{shown} von {loaded} · {filter}",
    "announce.loaded": { "one": "{n} Person geladen", "other": "{n} Personen geladen" },
    "announce.loaded-of": { "one": "{n} von {total} Person geladen", "other": "{n} von {total} Personen geladen" },
    "announce.results": { "one": "{n} Person gefunden", "other": "{n} Personen gefunden" },
    "list.label": "Personenliste",
    "list.empty": "Noch keine Personen in diesem CRM. Fügen Sie die erste mit „Neue Person“ hinzu.",
    "list.no-match": "Keine geladene Person passt zu „{query}“.",
    "list.no-match-more": "Keine geladene Person passt zu „{query}“. Weitere Personen sind noch nicht geladen: Laden Sie mehr, um auch sie zu durchsuchen.",
    "list.no-match-filter": "Keine geladene Person passt zu diesen Filtern.",
    "list.no-match-filter-more": "Keine geladene Person passt zu diesen Filtern. Weitere Personen sind noch nicht geladen: Laden Sie mehr, um auch sie zu durchsuchen.",
    "sort.label": "Sortieren",
    "sort.crm": "Reihenfolge des CRM",
    "sort.name": "Name, A bis Z",
    "sort.-name": "Name, Z bis A",
    "sort.-created": "Neueste zuerst",
    "sort.created": "Älteste zuerst",
    "sort.-updated": "Zuletzt geändert zuerst",
    "sort.updated": "Am längsten unverändert zuerst",
    "filter.open": "Filtern",
    "filter.count": "Filtern ({n})",
    "filter.clear": "Filter zurücksetzen",
    "filter.value": "{value} ({n})",
    "filter.empty": "Die geladenen Personen haben keine Phase und kein Schlagwort zum Filtern.",
    "list.loading": "Wird geladen…",
    "list.load-more": "Mehr laden",
    "list.all-loaded": "Alle sind geladen.",
    "list.load-all": "Alle laden",
    "list.stop": "Anhalten",
    "list.loading-all": "Lade {progress}…",
    "list.remembered": "Aktualisiert {ago}",
    "row.deleting": "Wird gelöscht…",
    "field.first-name": "Vorname",
    "field.last-name": "Nachname",
    "field.email": "E-Mail",
    "field.phone": "Telefon",
    "field.company": "Firma",
    "field.job-title": "Position",
    "field.city": "Ort",
    "field.stage": "Phase",
    "field.tags": "Schlagwörter",
    "field.tags-input": "Schlagwörter (durch Kommas getrennt)",
    "field.source": "Quelle",
    "field.created": "Erstellt",
    "field.updated": "Geändert",
    "details.label": "Details zu {name}",
    "details.close": "Details schließen",
    "edit": "Bearbeiten",
    "delete": "Löschen",
    "delete.label": "{name} löschen?",
    "delete.question": "{name} aus dem CRM löschen? Das lässt sich nicht rückgängig machen.",
    "delete.failed": "Nicht gelöscht. {reason}",
    "delete.confirm": "Ja, löschen",
    "cancel": "Abbrechen",
    "form.new": "Neue Person",
    "form.edit": "Person bearbeiten",
    "form.saving": "Wird gespeichert…",
    "form.save-changes": "Änderungen speichern",
    "form.save-new": "Person speichern",
    "form.close": "Schließen",
    "form.first-name-required": "Geben Sie einen Vornamen ein.",
    "form.last-name-required": "Geben Sie einen Nachnamen ein.",
    "form.name-required": "Geben Sie einen Vor- oder Nachnamen ein.",
    "form.email-required": "Geben Sie eine E-Mail-Adresse ein.",
    "form.email-invalid": "Geben Sie eine E-Mail-Adresse wie name@example.com ein.",
    "form.phone-invalid": "Nur Ziffern, Leerzeichen und + - ( ) verwenden.",
    "form.not-loaded": "Die Liste ist noch nicht geladen: Warten Sie, dann speichern Sie erneut. Ihre Eingaben bleiben erhalten.",
    "form.nothing-changed": "Noch nichts geändert: Ändern Sie ein Feld, dann speichern Sie.",
    "form.edit-load-failed": "{error} Schließen Sie das Formular und bearbeiten Sie erneut.",
    "form.edit-unconfirmed": "Wir konnten nicht bestätigen, dass die Änderungen gespeichert wurden. {error} Erneutes Speichern ist sicher; Ihre Eingaben bleiben erhalten.",
    "form.edit-failed": "Die Änderungen wurden nicht gespeichert. {error} Ihre Eingaben bleiben erhalten.",
    "form.checking": "Das Speichern wurde nicht bestätigt: Wir prüfen beim CRM, ob die Person gespeichert wurde…",
    "form.create-refused": "Das CRM hat diese Person nicht gespeichert{detail}. Korrigieren Sie es und speichern Sie erneut; Ihre Eingaben bleiben erhalten.",
    "form.create-unconfirmed": "Wir konnten nicht bestätigen, ob {name} gespeichert wurde ({reason}). Drücken Sie Speichern, um erneut zu prüfen, bevor etwas gesendet wird; Ihre Eingaben bleiben erhalten.",
    "form.create-failed": "{error} Ihre Eingaben bleiben erhalten.",
    "notice.added": "{name} hinzugefügt.",
    "notice.added-elsewhere": "{name} wurde dem CRM hinzugefügt, das beim Speichern angezeigt wurde.",
    "network.offline": "Sie scheinen offline zu sein",
    "network.no-answer": "keine Antwort vom Server",
    "network.cut-off": "die Antwort brach ab",
    "network.unreliable": "das CRM war nicht zuverlässig erreichbar",
    "network.too-long": "die Liste des CRM ist zu lang, um sie schnell zu prüfen",
    "notice.added-confirmed": "{name} hinzugefügt. Die Antwort des CRM ging verloren oder war ein Fehler, aber es bestätigt, dass einmal gespeichert wurde.",
    "notice.added-resent": "{name} hinzugefügt. Der erste Versuch hat das CRM nie erreicht und wurde daher erneut gesendet.",
    "notice.saved": "{name} gespeichert.",
    "notice.deleted": "{name} gelöscht.",
    "notice.deleted-elsewhere": "{name} wurde bereits anderswo gelöscht und aus der Liste entfernt.",
    "notice.gone-elsewhere": "{name} wurde im CRM von jemand anderem gelöscht und aus der Liste entfernt.",
    "notice.up-to-date": "Aktuell: {changed} geändert oder neu, {removed} entfernt.",
    "notice.retrying": "Neuer Versuch… (Versuch {attempt} fehlgeschlagen: {reason})",
    "notice.retry": "Erneut versuchen",
    "notice.dismiss": "Ausblenden",
    "state.loading": "Personen werden geladen…",
    "state.syncing.title": "Ihr CRM wird noch synchronisiert",
    "state.syncing": "Ein neu verbundenes CRM braucht eine Minute zum Synchronisieren. Die Personen erscheinen hier, sobald es bereit ist.",
    "state.connect.title": "Verbinden Sie Ihr CRM",
    "state.connect": "Noch ist kein CRM verbunden. Verbinden Sie eines, um hier Personen zu sehen und hinzuzufügen.",
    "state.connect.check": "Ich habe es verbunden – erneut prüfen",
    "state.config.title": "Das Panel ist falsch konfiguriert",
    "state.signed-out.title": "Anmeldung erforderlich",
    "state.reconnect.title": "Verbinden Sie Ihr CRM erneut",
    "state.not-permitted.title": "Keine Berechtigung",
    "state.rate-limited.title": "Zu viele Anfragen",
    "state.offline.title": "Das CRM ist nicht erreichbar",
    "state.error.title": "Etwas ist schiefgelaufen",
    "state.session-ended.title": "Abgemeldet",
    "state.session-ended": "Sie haben sich abgemeldet. Ihre Personen erscheinen hier wieder, sobald Sie sich anmelden.",
    "state.try-again": "Erneut versuchen",
    "choose.title": "Welches CRM?",
    "choose.message": "Sie haben mehrere CRMs verbunden. Wählen Sie das anzuzeigende aus.",
    "config.token-url": "Das Attribut token-url fehlt: Setzen Sie es auf die Route Ihres Backends, die ein Token liefert, z. B. token-url=\"/api/rollout-token\".",
    "config.provider": "provider=\"{value}\" wird nicht unterstützt: Verwenden Sie \"rollout\" oder \"rally\".",
    "config.rally-api-base": "provider=\"rally\" braucht ein Attribut api-base, z. B. api-base=\"https://your-tenant.rallycrm.io/api/v1\".",
    "config.page-size": "page-size=\"{value}\" ist ungültig: Verwenden Sie eine ganze Zahl von 1 bis {max}.",
    "config.theme": "theme=\"{value}\" wird nicht unterstützt: Verwenden Sie \"light\", \"dark\" oder \"auto\".",
    "config.cache": "cache=\"{value}\" wird nicht unterstützt: Verwenden Sie \"none\", \"session\" (dieser Tab) oder \"device\" (dieser Browser, höchstens einen Tag).",
    "config.fields": "fields nennt \"{value}\", das das Panel nicht kennt: Nennen Sie, durch Kommas getrennt, einige von {known}.",
    "config.sort": "sort=\"{value}\" wird nicht unterstützt: Verwenden Sie name, created oder updated, mit vorangestelltem - für absteigend (z. B. sort=\"-updated\").",
    "config.filter": "filter enthält \"{value}\", das kein stage:…- oder tag:…-Eintrag ist: Trennen Sie die Einträge durch Kommas, z. B. filter=\"stage:Lead,tag:buyer\".",
    "config.no-change-feed": "Dieses CRM bietet keine Änderungsliste zum Aktualisieren.",
    "error.signed-out": "Anmeldung erforderlich: Die Token-Route {url} {reason}. Melden Sie sich erneut in der App an und versuchen Sie es dann noch einmal.",
    "error.unauthorized": "Das CRM hat Ihre Sitzung nicht akzeptiert{detail}. Melden Sie sich erneut an und versuchen Sie es noch einmal.",
    "error.forbidden": "Verbinden Sie Ihr CRM erneut: Die Verbindung ist nicht mehr gültig{detail}.",
    "error.not-permitted": "Sie haben keine Berechtigung dafür im CRM{detail}. Bitten Sie die Administration um Zugriff.",
    "error.syncing": "Ihr CRM wird noch synchronisiert. Die Personen erscheinen hier, sobald die erste Synchronisierung abgeschlossen ist.",
    "error.rate-limited": "Das CRM erhält gerade zu viele Anfragen. Warten Sie einen Moment und versuchen Sie es dann erneut.",
    "error.network": "Das CRM ist nicht erreichbar{detail}. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.",
    "error.not-found": "Das CRM hat keinen solchen Datensatz{detail}: Er wurde vielleicht anderswo gelöscht.",
    "error.rejected": "Das CRM hat dies abgelehnt{detail}.",
    "error.server": "Das CRM hatte ein Problem (HTTP {status}){detail}. Versuchen Sie es gleich noch einmal.",
    "error.malformed": "Das CRM hat eine Antwort gesendet, die das Panel nicht lesen kann{detail}.",
    "error.dropped": "Abgebrochen: Der Benutzer hat sich abgemeldet oder ein anderer hat sich angemeldet.",
    "error.code-missing": "Dieser Teil des Panels konnte nicht geladen werden. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.",
    "later.loading": "Wird geladen…",
    "token.unreachable": "war nicht erreichbar",
    "token.http": "antwortete mit HTTP {status}",
    "token.unreadable": "antwortete mit einem unlesbaren Inhalt",
    "token.expired": "antwortete mit einem abgelaufenen Token",
    "token.empty": "antwortete mit nichts",
    "token.html": "antwortete mit einer HTML-Seite statt eines Tokens (eine Anmeldeseite?)",
    "token.malformed-json": "antwortete mit fehlerhaftem JSON",
    "token.no-token": "antwortete mit JSON ohne \"token\"-Zeichenkette",
    "token.not-jwt": "antwortete mit etwas, das kein JWT ist"
  },
  "es": {
    "people": "Personas",
    "search.placeholder": "Buscar entre las personas cargadas",
    "search.label": "Buscar personas",
    "new-person": "Nueva persona",
    "refresh": "Actualizar",
    "refresh.title": "Traer lo que cambió en el CRM",
    "count.of": "{loaded} de {total}",
    "count.loaded": "{loaded} cargadas",
    "count.matching": "{shown} coincidencias · {base} cargadas",
    "count.filtered": "{shown} de {loaded} · {filter}",
    "announce.loaded": { "one": "{n} persona cargada", "other": "{n} personas cargadas" },
    "announce.loaded-of": { "one": "{n} de {total} persona cargada", "other": "{n} de {total} personas cargadas" },
    "announce.results": { "one": "{n} persona coincide", "other": "{n} personas coinciden" },
    "list.label": "Lista de personas",
    "list.empty": "Todavía no hay personas en este CRM. Añada la primera con «Nueva persona».",
    "list.no-match": "Ninguna persona cargada coincide con «{query}».",
    "list.no-match-more": "Ninguna persona cargada coincide con «{query}». Aún quedan personas por cargar: cargue más para buscar también entre ellas.",
    "list.no-match-filter": "Ninguna persona cargada coincide con estos filtros.",
    "list.no-match-filter-more": "Ninguna persona cargada coincide con estos filtros. Aún quedan personas por cargar: cargue más para revisarlas también.",
    "sort.label": "Ordenar",
    "sort.crm": "Orden del CRM",
    "sort.name": "Nombre, de la A a la Z",
    "sort.-name": "Nombre, de la Z a la A",
    "sort.-created": "Más recientes primero",
    "sort.created": "Más antiguas primero",
    "sort.-updated": "Cambiadas recientemente primero",
    "sort.updated": "Sin cambios desde hace más tiempo primero",
    "filter.open": "Filtrar",
    "filter.count": "Filtrar ({n})",
    "filter.clear": "Quitar filtros",
    "filter.value": "{value} ({n})",
    "filter.empty": "Las personas cargadas no tienen etapa ni etiqueta por las que filtrar.",
    "list.loading": "Cargando…",
    "list.load-more": "Cargar más",
    "list.all-loaded": "Todas las personas están cargadas.",
    "list.load-all": "Cargar todas",
    "list.stop": "Detener",
    "list.loading-all": "Cargando {progress}…",
    "list.remembered": "Actualizado {ago}",
    "row.deleting": "Eliminando…",
    "field.first-name": "Nombre",
    "field.last-name": "Apellido",
    "field.email": "Correo electrónico",
    "field.phone": "Teléfono",
    "field.company": "Empresa",
    "field.job-title": "Cargo",
    "field.city": "Ciudad",
    "field.stage": "Etapa",
    "field.tags": "Etiquetas",
    "field.tags-input": "Etiquetas (separadas por comas)",
    "field.source": "Origen",
    "field.created": "Creado",
    "field.updated": "Actualizado",
    "details.label": "Detalles de {name}",
    "details.close": "Cerrar detalles",
    "edit": "Editar",
    "delete": "Eliminar",
    "delete.label": "¿Eliminar a {name}?",
    "delete.question": "¿Eliminar a {name} del CRM? No se puede deshacer.",
    "delete.failed": "No se eliminó. {reason}",
    "delete.confirm": "Sí, eliminar",
    "cancel": "Cancelar",
    "form.new": "Nueva persona",
    "form.edit": "Editar persona",
    "form.saving": "Guardando…",
    "form.save-changes": "Guardar cambios",
    "form.save-new": "Guardar persona",
    "form.close": "Cerrar",
    "form.first-name-required": "Escriba un nombre.",
    "form.last-name-required": "Escriba un apellido.",
    "form.name-required": "Escriba un nombre o un apellido.",
    "form.email-required": "Escriba una dirección de correo.",
    "form.email-invalid": "Escriba una dirección de correo como nombre@example.com.",
    "form.phone-invalid": "Use solo dígitos, espacios y + - ( ).",
    "form.not-loaded": "La lista aún no está cargada: espere y vuelva a guardar. Sus datos se conservan.",
    "form.nothing-changed": "Aún no ha cambiado nada: edite un campo y guarde.",
    "form.edit-load-failed": "{error} Cierre el formulario y vuelva a editar para reintentarlo.",
    "form.edit-unconfirmed": "No pudimos confirmar que los cambios se guardaran. {error} Volver a guardarlos es seguro; sus datos se conservan.",
    "form.edit-failed": "Los cambios no se guardaron. {error} Sus datos se conservan.",
    "form.checking": "El guardado no se confirmó: comprobando con el CRM si la persona se guardó…",
    "form.create-refused": "El CRM no guardó a esta persona{detail}. Corríjalo y vuelva a guardar; sus datos se conservan.",
    "form.create-unconfirmed": "No pudimos confirmar si {name} se guardó ({reason}). Pulse Guardar para comprobarlo de nuevo antes de enviar nada; sus datos se conservan.",
    "form.create-failed": "{error} Sus datos se conservan.",
    "notice.added": "Se añadió a {name}.",
    "notice.added-elsewhere": "Se añadió a {name} al CRM que se mostraba al guardar.",
    "network.offline": "parece que no tiene conexión",
    "network.no-answer": "el servidor no respondió",
    "network.cut-off": "la respuesta se cortó",
    "network.unreliable": "no se pudo acceder al CRM de forma fiable",
    "network.too-long": "la lista del CRM es demasiado larga para comprobarla rápido",
    "notice.added-confirmed": "Se añadió a {name}. La respuesta del CRM se perdió o fue un error, pero confirma que se guardó una vez.",
    "notice.added-resent": "Se añadió a {name}. El primer intento nunca llegó al CRM, así que se envió de nuevo.",
    "notice.saved": "Se guardó a {name}.",
    "notice.deleted": "Se eliminó a {name}.",
    "notice.deleted-elsewhere": "{name} ya se había eliminado en otro lugar; se quitó de la lista.",
    "notice.gone-elsewhere": "Otra persona eliminó a {name} en el CRM; se quitó de la lista.",
    "notice.up-to-date": "Al día: {changed} cambiadas o nuevas, {removed} eliminadas.",
    "notice.retrying": "Reintentando… (el intento {attempt} falló: {reason})",
    "notice.retry": "Reintentar",
    "notice.dismiss": "Descartar",
    "state.loading": "Cargando personas…",
    "state.syncing.title": "Su CRM aún se está sincronizando",
    "state.syncing": "Un CRM recién conectado tarda un minuto en sincronizarse. Las personas aparecerán aquí en cuanto esté listo.",
    "state.connect.title": "Conecte su CRM",
    "state.connect": "Todavía no hay ningún CRM conectado. Conecte uno para ver y añadir personas aquí.",
    "state.connect.check": "Ya lo conecté: comprobar de nuevo",
    "state.config.title": "El panel está mal configurado",
    "state.signed-out.title": "Hay que iniciar sesión",
    "state.reconnect.title": "Vuelva a conectar su CRM",
    "state.not-permitted.title": "Sin permiso",
    "state.rate-limited.title": "Demasiadas solicitudes",
    "state.offline.title": "No se puede acceder al CRM",
    "state.error.title": "Algo salió mal",
    "state.session-ended.title": "Sesión cerrada",
    "state.session-ended": "Ha cerrado la sesión. Sus personas volverán a aparecer aquí cuando inicie sesión.",
    "state.try-again": "Intentar de nuevo",
    "choose.title": "¿Qué CRM?",
    "choose.message": "Tiene varios CRM conectados. Elija el que quiere ver.",
    "config.token-url": "Falta el atributo token-url: indique la ruta de su backend que devuelve un token, p. ej. token-url=\"/api/rollout-token\".",
    "config.provider": "provider=\"{value}\" no es compatible: use \"rollout\" o \"rally\".",
    "config.rally-api-base": "provider=\"rally\" necesita un atributo api-base, p. ej. api-base=\"https://your-tenant.rallycrm.io/api/v1\".",
    "config.page-size": "page-size=\"{value}\" no es válido: use un número entero del 1 al {max}.",
    "config.theme": "theme=\"{value}\" no es compatible: use \"light\", \"dark\" o \"auto\".",
    "config.cache": "cache=\"{value}\" no es compatible: use \"none\", \"session\" (esta pestaña) o \"device\" (este navegador, como mucho un día).",
    "config.fields": "fields nombra \"{value}\", que el panel no conoce: indique, separados por comas, algunos de {known}.",
    "config.sort": "sort=\"{value}\" no es compatible: use name, created o updated, con un - delante para orden descendente (p. ej. sort=\"-updated\").",
    "config.filter": "filter contiene \"{value}\", que no es un elemento stage:… ni tag:…: sepárelos con comas, p. ej. filter=\"stage:Lead,tag:buyer\".",
    "config.no-change-feed": "Este CRM no ofrece una lista de cambios para actualizar.",
    "error.signed-out": "Hay que iniciar sesión: la ruta del token {url} {reason}. Inicie sesión de nuevo en la aplicación y vuelva a intentarlo.",
    "error.unauthorized": "El CRM no aceptó su sesión{detail}. Inicie sesión de nuevo y vuelva a intentarlo.",
    "error.forbidden": "Vuelva a conectar su CRM: la conexión ya no es válida{detail}.",
    "error.not-permitted": "No tiene permiso para hacer esto en el CRM{detail}. Pida acceso a su administrador.",
    "error.syncing": "Su CRM aún se está sincronizando. Las personas aparecerán aquí en cuanto termine la primera sincronización.",
    "error.rate-limited": "El CRM está recibiendo demasiadas solicitudes. Espere un momento y vuelva a intentarlo.",
    "error.network": "No se puede acceder al CRM{detail}. Revise su conexión y vuelva a intentarlo.",
    "error.not-found": "El CRM no tiene ese registro{detail}: puede que se haya eliminado en otro lugar.",
    "error.rejected": "El CRM rechazó esto{detail}.",
    "error.server": "El CRM tuvo un problema (HTTP {status}){detail}. Vuelva a intentarlo en un momento.",
    "error.malformed": "El CRM envió una respuesta que el panel no puede leer{detail}.",
    "error.dropped": "Detenido: el usuario cerró la sesión o inició sesión otro usuario.",
    "error.code-missing": "No se pudo cargar esta parte del panel. Compruebe su conexión y vuelva a intentarlo.",
    "later.loading": "Cargando…",
    "token.unreachable": "no respondió",
    "token.http": "respondió HTTP {status}",
    "token.unreadable": "respondió con un contenido ilegible",
    "token.expired": "respondió con un token caducado",
    "token.empty": "no respondió nada",
    "token.html": "respondió con una página HTML en lugar de un token (¿una página de inicio de sesión?)",
    "token.malformed-json": "respondió con JSON mal formado",
    "token.no-token": "respondió con JSON sin la cadena \"token\"",
    "token.not-jwt": "respondió con algo que no es un JWT"
  }
};

// The languages the panel speaks. Every catalog is in MESSAGES here; `cargo xtask dist` keeps only
// English in the bundle and writes the others beside it (people_panel.<lang>.json), filling
// CATALOG_FILES, so that a page fetches only the language its panels speak.
export const LANGUAGES = ["en", "de", "es"];
const CATALOG_FILES = {};

const loading = new Map();
const loadedListeners = new Set();
// Failed fetches of a catalog, by language: it is asked for at most MAX_CATALOG_TRIES times in a
// page's life (not at every render), and its failure is said once.
const failures = new Map();
const MAX_CATALOG_TRIES = 3;

/** Calls `listener(lang)` whenever the catalog of `lang` has arrived (the panels that speak it then
 *  say everything again). */
export function onCatalogLoaded(listener) {
  loadedListeners.add(listener);
}

/** Fetches the catalog of a language this module lacks; resolves true once it is here (false when
 *  it could not be fetched: the panel then speaks English, and asks again next time). */
export function loadCatalog(locale) {
  const lang = catalogOf(locale);
  if (!lang || Object.hasOwn(MESSAGES, lang)) return Promise.resolve(Boolean(lang));
  if (!CATALOG_FILES[lang] || (failures.get(lang) ?? 0) >= MAX_CATALOG_TRIES) return Promise.resolve(false);
  if (!loading.has(lang)) {
    const arrived = fetch(CATALOG_FILES[lang]())
      .then((answer) => (answer.ok ? answer.json() : Promise.reject(new Error(`HTTP ${answer.status}`))))
      .then((catalog) => {
        MESSAGES[lang] = catalog;
        loadedListeners.forEach((listener) => listener(lang));
        return true;
      })
      .catch((error) => {
        loading.delete(lang);
        failures.set(lang, (failures.get(lang) ?? 0) + 1);
        if (failures.get(lang) === MAX_CATALOG_TRIES) {
          console.warn(`people-panel: the ${lang} catalog could not be fetched (${error.message}); the panel speaks English`);
        }
        return false;
      });
    loading.set(lang, arrived);
  }
  return loading.get(lang);
}

const cache = new Map();
/** One Intl object per kind and locale. */
function intl(kind, locale, make) {
  const key = `${kind} ${locale}`;
  if (!cache.has(key)) cache.set(key, make());
  return cache.get(key);
}

/** The catalog for a BCP 47 tag ("de-AT" → "de"), or null. */
export function catalogOf(locale) {
  const base = String(locale || "").toLowerCase().split(/[-_]/)[0];
  return LANGUAGES.includes(base) ? base : null;
}

/** The locale to speak: `requested` (the lang attribute) when a catalog has it, else the nearest
 *  `lang` up the host page (through shadow roots) that one has, else English. */
export function resolveLocale(requested, element) {
  if (catalogOf(requested)) return requested;
  for (let node = element; node; node = node.parentElement || node.getRootNode?.().host) {
    const lang = node.getAttribute?.("lang");
    if (lang) return catalogOf(lang) ? lang : "en";
  }
  return "en"; // the walk up ends at <html>: no lang anywhere
}

/** `rtl` or `ltr` for a locale (Intl.Locale's text info where the browser has it). */
export function direction(locale) {
  try {
    const info = new Intl.Locale(locale);
    const text = info.getTextInfo?.() ?? info.textInfo;
    if (text?.direction) return text.direction;
  } catch {}
  return /^(ar|he|fa|ur|yi|ps|dv|ug)\b/i.test(locale) ? "rtl" : "ltr";
}

/** The text of message `id` for `locale`: the host's override, else the language's catalog, else
 *  English, else the id itself (so a server's own words pass through unchanged). */
export function message(locale, overrides, id, args) {
  const lang = catalogOf(locale) || "en";
  if (!Object.hasOwn(MESSAGES, lang)) loadCatalog(lang); // English until it arrives
  let text = overrides?.[id] ?? MESSAGES[lang]?.[id] ?? MESSAGES.en[id] ?? id;
  if (typeof text === "object" && text) {
    const n = Number(args?.n ?? 0);
    text = text[intl("plural", locale, () => new Intl.PluralRules(locale)).select(n)] ?? text.other ?? "";
  }
  return String(text).replace(/\{(\w+)\}/g, (whole, name) => {
    const value = args?.[name];
    if (value === undefined || value === null) return whole;
    return typeof value === "number" ? formatNumber(locale, value) : String(value);
  });
}

/** A number as the locale writes it. Below 1,000 each catalog's language (en, de, es, in any region,
 *  without a `-u-` numbering extension) writes the digits alone, so no Intl.NumberFormat is made for
 *  them: the page's first Intl formatter loads the browser's locale data (25–45 ms measured here, four
 *  times that on a phone), which a first row counting 50 of 250 people then does not wait for. */
function formatNumber(locale, value) {
  if (Number.isInteger(value) && value >= 0 && value < 1000 && !/-u-/i.test(locale)) return String(value);
  return intl("number", locale, () => new Intl.NumberFormat(locale)).format(value);
}

/** How long ago `ms` milliseconds were, as the locale says it: "5 minutes ago", "yesterday". */
export function formatAgo(locale, ms) {
  const format = intl("ago", locale, () => new Intl.RelativeTimeFormat(locale, { numeric: "auto" }));
  const seconds = Math.max(0, Math.round(ms / 1000));
  for (const [unit, size] of [["day", 86400], ["hour", 3600], ["minute", 60]]) {
    if (seconds >= size) return format.format(-Math.floor(seconds / size), unit);
  }
  return format.format(-seconds, "second");
}

/** An ISO date-time as the locale writes it; the text itself when it is not a date. */
export function formatDate(locale, iso) {
  const date = new Date(iso);
  if (!iso || Number.isNaN(date.getTime())) return iso;
  return intl("date", locale, () => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" })).format(date);
}
