package io.kioskfleet.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.kioskfleet.app.ApiClient.Answer;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A member of staff on a phone-sized screen finds a free desk, books it and checks in (in
 * Japanese); books an hour and a weekly series and sees which dates were taken (in English).
 */
class DeskBookingInBrowserTest extends BrowserStory {

    private static final String PASSWORD = "phone-staff-password";

    @Test
    void staffOnAPhoneFindAFreeDeskBookItAndCheckIn() throws Exception {
        String site = admin.post("/api/v1/sites", "{\"ouId\":\"" + newBranch(20) + "\",\"name\":\"" + unique("北庁舎") + "\"}").text("id");
        String floor = admin.post("/api/v1/sites/" + site + "/floors", "{\"name\":\"2F\"}").json()
            .path("floors").get(0).path("id").asString();
        String taken = unique("2F-A");
        String free = unique("2F-B");
        for (String name : new String[] {taken, free}) {
            admin.post("/api/v1/desks", "{\"siteId\":\"" + site + "\",\"floorId\":\"" + floor + "\",\"name\":\"" + name
                + "\",\"attributes\":[\"WINDOW\"]}");
        }
        String username = unique("phone").toLowerCase();
        Answer account = admin.post("/api/v1/users", "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD
            + "\",\"roles\":[\"STAFF\"]}");
        assertThat(account.status()).as(account.body()).isEqualTo(201);
        // Today's whole day can be checked in to from 07:30 to 20:00 in Tokyo; outside those hours book tomorrow's.
        ZonedDateTime tokyo = ZonedDateTime.now(ZoneId.of("Asia/Tokyo"));
        boolean officeOpen = !tokyo.toLocalTime().isBefore(LocalTime.of(7, 30)) && tokyo.getHour() < 20;
        LocalDate day = officeOpen ? tokyo.toLocalDate() : tokyo.toLocalDate().plusDays(1);
        String takenId = admin.get("/api/v1/desks?site=" + site).json().get(0).path("id").asString();
        admin.post("/api/v1/bookings", "{\"deskId\":\"" + takenId + "\",\"date\":\"" + day
            + "\",\"kind\":\"WHOLE_DAY\",\"user\":\"" + unique("other").toLowerCase() + "\"}");

        browser = Browser.open("ja");
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(url("/desks?floor=" + floor + "&date=" + day + "&kind=WHOLE_DAY"));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("sign-in")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> driver.getCurrentUrl().contains("/desks"));

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("空席を探す");
        assertThat(browser.findElement(By.id("desk-" + taken)).getText()).contains("予約済み").contains("窓際");
        assertThat(fitsTheScreen()).as("the page needs no sideways scrolling at 390px").isTrue();

        browser.findElement(By.id("desk-" + free)).findElement(By.className("book")).click();

        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> driver.getCurrentUrl().endsWith("/desks/mine"));
        assertThat(browser.findElement(By.id("booked-notice")).getText()).isEqualTo("予約しました。");
        assertThat(browser.findElement(By.id("my-bookings")).getText()).contains(free).contains("終日").contains("予約済み");
        assertThat(fitsTheScreen()).isTrue();

        browser.findElement(By.className("check-in")).click();

        if (officeOpen) {
            assertThat(browser.findElement(By.id("done-notice")).getText()).isEqualTo("チェックインしました。");
            assertThat(browser.findElement(By.id("my-bookings")).getText()).contains("チェックイン済み");
        } else {
            assertThat(browser.findElement(By.id("desk-errors")).getText()).isEqualTo("チェックインは予約開始の30分前からです。");
        }
    }

    @Test
    void staffOnAPhoneBookAnHourAndEveryTuesdayAndThursdayAndSeeWhichDatesWereTaken() throws Exception {
        String site = admin.post("/api/v1/sites", "{\"ouId\":\"" + newBranch(20) + "\",\"name\":\"" + unique("南庁舎")
            + "\",\"limits\":{\"maxDaysAhead\":30,\"maxPerWeek\":5,\"allowedSlots\":[\"MORNING\",\"AFTERNOON\","
            + "\"WHOLE_DAY\",\"HOURLY\"],\"noShowGraceMinutes\":30}}").text("id");
        String floor = admin.post("/api/v1/sites/" + site + "/floors", "{\"name\":\"5F\"}").json()
            .path("floors").get(0).path("id").asString();
        String name = unique("5F-A");
        String desk = admin.post("/api/v1/desks", "{\"siteId\":\"" + site + "\",\"floorId\":\"" + floor + "\",\"name\":\""
            + name + "\",\"attributes\":[]}").text("id");
        String username = unique("phone").toLowerCase();
        admin.post("/api/v1/users", "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\",\"roles\":[\"STAFF\"]}");
        LocalDate monday = LocalDate.now(ZoneId.of("Asia/Tokyo")).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        LocalDate takenTuesday = monday.plusDays(8);
        Answer colleague = admin.post("/api/v1/bookings", "{\"deskId\":\"" + desk + "\",\"date\":\"" + takenTuesday
            + "\",\"kind\":\"MORNING\",\"user\":\"" + unique("other").toLowerCase() + "\"}");
        assertThat(colleague.status()).as(colleague.body()).isEqualTo(201);

        browser = Browser.open("en");
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(url("/desks?floor=" + floor + "&date=" + monday.plusDays(2) + "&kind=HOURLY&fromHour=10&toHour=12"));
        Browser.signIn(browser, username, PASSWORD);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> driver.getCurrentUrl().contains("/desks"));
        assertThat(new Select(browser.findElement(By.id("find-kind"))).getFirstSelectedOption().getText()).isEqualTo("Hourly");
        browser.findElement(By.id("desk-" + name)).findElement(By.className("book")).click();

        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> driver.getCurrentUrl().endsWith("/desks/mine"));
        assertThat(browser.findElement(By.id("my-bookings")).getText()).contains("Hourly").contains("10:00–12:00");

        browser.get(url("/desks?floor=" + floor + "&date=" + monday + "&kind=WHOLE_DAY"));
        browser.findElement(By.cssSelector("#series summary")).click();
        browser.findElement(By.id("series-submit")).click();
        assertThat(browser.findElement(By.id("desk-errors")).getText()).as("no weekday chosen").contains("Weekdays");

        browser.findElement(By.cssSelector("#series summary")).click();
        new Select(browser.findElement(By.id("series-desk"))).selectByVisibleText(name);
        browser.executeScript("arguments[0].value = arguments[1];", browser.findElement(By.id("series-from")), monday.toString());
        browser.executeScript("arguments[0].value = arguments[1];", browser.findElement(By.id("series-until")),
            monday.plusDays(11).toString());
        browser.findElement(By.id("series-TUESDAY")).click();
        browser.findElement(By.id("series-THURSDAY")).click();
        new Select(browser.findElement(By.id("series-kind"))).selectByValue("WHOLE_DAY");
        assertThat(fitsTheScreen()).isTrue();
        browser.findElement(By.id("series-submit")).click();

        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> driver.getCurrentUrl().endsWith("/desks/mine"));
        assertThat(browser.findElement(By.id("series-report")).getText()).contains("3 date(s) booked.");
        assertThat(browser.findElement(By.id("series-refused")).getText())
            .isEqualTo(takenTuesday + ": Someone booked this desk for that time first. Please choose another desk or time.");
        assertThat(browser.findElements(By.cssSelector("#my-bookings li"))).hasSize(4);
    }

    private boolean fitsTheScreen() {
        Object fits = browser.executeScript("return document.documentElement.scrollWidth <= window.innerWidth;");
        return Boolean.TRUE.equals(fits);
    }
}
