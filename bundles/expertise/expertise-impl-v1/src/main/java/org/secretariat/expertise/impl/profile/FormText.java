package org.secretariat.expertise.impl.profile;

import java.util.Map;

/** The profile form's strings in English, French and Spanish (the languages of the shipped profiles). */
final class FormText {

    private static final Map<String, Map<String, String>> TEXT = Map.of(
            "en", Map.ofEntries(
                    Map.entry("title", "Your profile in the resource base of experts"),
                    Map.entry("intro", "Check what the unit keeps about you and change it if needed. Name and e-mail are changed by the unit: write to it."),
                    Map.entry("organisation", "Organisation"), Map.entry("themes", "Themes"), Map.entry("languages", "Languages"),
                    Map.entry("languagesHelp", "Two-letter codes separated by commas, e.g. fr, en, ar"), Map.entry("regions", "Regions"),
                    Map.entry("kinds", "Kinds of help"), Map.entry("availability", "When you are available"),
                    Map.entry("from", "From (period {n})"), Map.entry("to", "To (period {n})"),
                    Map.entry("consent", "Consent"), Map.entry("renew", "I agree to stay in the resource base for three more years"),
                    Map.entry("keptUntil", "Your profile is kept until {day}."), Map.entry("save", "Save my profile"),
                    Map.entry("errors", "Please correct the following:"), Map.entry("saved", "Thank you: your profile is saved."),
                    Map.entry("notALink", "This link is not valid. Please use the link of your e-mail as it is."),
                    Map.entry("expired", "This link has expired. Please ask the unit for a new one."),
                    Map.entry("gone", "This profile is no longer kept."),
                    Map.entry("staleForm", "This form is too old. Please open the link again."),
                    Map.entry("changed", "Your profile was changed meanwhile. Please open the link again to see it as it is now."),
                    Map.entry("tooMany", "Too many submissions from your address. Please try again in {minutes} minute(s)."),
                    Map.entry("AFRICA", "Africa"), Map.entry("AMERICAS", "Americas"), Map.entry("ASIA", "Asia"), Map.entry("EUROPE", "Europe"),
                    Map.entry("OCEANIA", "Oceania"), Map.entry("ADVICE", "Advice"), Map.entry("TRAINING", "Training"),
                    Map.entry("FIELD_WORK", "Field work"), Map.entry("language", "Language")),
            "fr", Map.ofEntries(
                    Map.entry("title", "Votre profil dans la base de ressources d'experts"),
                    Map.entry("intro", "Vérifiez ce que l'unité conserve à votre sujet et modifiez-le au besoin. Le nom et le courriel sont modifiés par l'unité : écrivez-lui."),
                    Map.entry("organisation", "Organisation"), Map.entry("themes", "Thèmes"), Map.entry("languages", "Langues"),
                    Map.entry("languagesHelp", "Codes de deux lettres séparés par des virgules, p. ex. fr, en, ar"), Map.entry("regions", "Régions"),
                    Map.entry("kinds", "Types d'aide"), Map.entry("availability", "Vos disponibilités"),
                    Map.entry("from", "Du (période {n})"), Map.entry("to", "Au (période {n})"),
                    Map.entry("consent", "Consentement"), Map.entry("renew", "J'accepte de rester dans la base de ressources pendant trois ans de plus"),
                    Map.entry("keptUntil", "Votre profil est conservé jusqu'au {day}."), Map.entry("save", "Enregistrer mon profil"),
                    Map.entry("errors", "Veuillez corriger ce qui suit :"), Map.entry("saved", "Merci : votre profil est enregistré."),
                    Map.entry("notALink", "Ce lien n'est pas valide. Veuillez utiliser le lien de votre courriel tel quel."),
                    Map.entry("expired", "Ce lien a expiré. Veuillez en demander un nouveau à l'unité."),
                    Map.entry("gone", "Ce profil n'est plus conservé."),
                    Map.entry("staleForm", "Ce formulaire est trop ancien. Veuillez rouvrir le lien."),
                    Map.entry("changed", "Votre profil a été modifié entre-temps. Veuillez rouvrir le lien pour le voir tel qu'il est."),
                    Map.entry("tooMany", "Trop d'envois depuis votre adresse. Veuillez réessayer dans {minutes} minute(s)."),
                    Map.entry("AFRICA", "Afrique"), Map.entry("AMERICAS", "Amériques"), Map.entry("ASIA", "Asie"), Map.entry("EUROPE", "Europe"),
                    Map.entry("OCEANIA", "Océanie"), Map.entry("ADVICE", "Conseil"), Map.entry("TRAINING", "Formation"),
                    Map.entry("FIELD_WORK", "Travail de terrain"), Map.entry("language", "Langue")),
            "es", Map.ofEntries(
                    Map.entry("title", "Su perfil en la base de recursos de expertos"),
                    Map.entry("intro", "Verifique lo que la Dependencia conserva sobre usted y modifíquelo si es necesario. El nombre y el correo los cambia la Dependencia: escríbale."),
                    Map.entry("organisation", "Organización"), Map.entry("themes", "Temas"), Map.entry("languages", "Idiomas"),
                    Map.entry("languagesHelp", "Códigos de dos letras separados por comas, p. ej. fr, en, ar"), Map.entry("regions", "Regiones"),
                    Map.entry("kinds", "Tipos de ayuda"), Map.entry("availability", "Su disponibilidad"),
                    Map.entry("from", "Desde (período {n})"), Map.entry("to", "Hasta (período {n})"),
                    Map.entry("consent", "Consentimiento"), Map.entry("renew", "Acepto permanecer en la base de recursos tres años más"),
                    Map.entry("keptUntil", "Su perfil se conserva hasta el {day}."), Map.entry("save", "Guardar mi perfil"),
                    Map.entry("errors", "Corrija lo siguiente:"), Map.entry("saved", "Gracias: su perfil se ha guardado."),
                    Map.entry("notALink", "Este enlace no es válido. Utilice el enlace de su correo tal cual."),
                    Map.entry("expired", "Este enlace ha caducado. Pida uno nuevo a la Dependencia."),
                    Map.entry("gone", "Este perfil ya no se conserva."),
                    Map.entry("staleForm", "Este formulario es demasiado antiguo. Vuelva a abrir el enlace."),
                    Map.entry("changed", "Su perfil se modificó mientras tanto. Vuelva a abrir el enlace para verlo tal como está."),
                    Map.entry("tooMany", "Demasiados envíos desde su dirección. Vuelva a intentarlo dentro de {minutes} minuto(s)."),
                    Map.entry("AFRICA", "África"), Map.entry("AMERICAS", "Américas"), Map.entry("ASIA", "Asia"), Map.entry("EUROPE", "Europa"),
                    Map.entry("OCEANIA", "Oceanía"), Map.entry("ADVICE", "Asesoramiento"), Map.entry("TRAINING", "Formación"),
                    Map.entry("FIELD_WORK", "Trabajo sobre el terreno"), Map.entry("language", "Idioma")));

    private FormText() {
    }

    /** The language asked for when the form has it, else the fallback, else English. */
    static String language(String asked, String fallback) {
        if (asked != null && TEXT.containsKey(asked)) {
            return asked;
        }
        return fallback != null && TEXT.containsKey(fallback) ? fallback : "en";
    }

    static String get(String language, String key) {
        return TEXT.get(language).get(key);
    }

    static Map<String, Map<String, String>> all() {
        return TEXT;
    }
}
