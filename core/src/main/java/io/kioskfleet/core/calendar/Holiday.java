package io.kioskfleet.core.calendar;

/** A Japanese public holiday, by its name in law; the console shows the Japanese name. */
public enum Holiday {
    NEW_YEARS_DAY("元日"),
    COMING_OF_AGE_DAY("成人の日"),
    NATIONAL_FOUNDATION_DAY("建国記念の日"),
    EMPERORS_BIRTHDAY("天皇誕生日"),
    VERNAL_EQUINOX_DAY("春分の日"),
    SHOWA_DAY("昭和の日"),
    CONSTITUTION_MEMORIAL_DAY("憲法記念日"),
    GREENERY_DAY("みどりの日"),
    CHILDRENS_DAY("こどもの日"),
    MARINE_DAY("海の日"),
    MOUNTAIN_DAY("山の日"),
    RESPECT_FOR_THE_AGED_DAY("敬老の日"),
    AUTUMNAL_EQUINOX_DAY("秋分の日"),
    SPORTS_DAY("スポーツの日"),
    CULTURE_DAY("文化の日"),
    LABOUR_THANKSGIVING_DAY("勤労感謝の日"),
    /** 振替休日: a holiday that fell on a Sunday, moved. */
    SUBSTITUTE_HOLIDAY("休日"),
    /** 国民の休日: a day between two holidays. */
    CITIZENS_HOLIDAY("休日");

    private final String japaneseName;

    Holiday(String japaneseName) {
        this.japaneseName = japaneseName;
    }

    /** True for the holidays the law names (not substitute or citizens' holidays). */
    public boolean inLaw() {
        return this != SUBSTITUTE_HOLIDAY && this != CITIZENS_HOLIDAY;
    }

    /** The name in law (振替休日 and 国民の休日 are both just "休日" there). */
    public String japaneseName() {
        return japaneseName;
    }
}
