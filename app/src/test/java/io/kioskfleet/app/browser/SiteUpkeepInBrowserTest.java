package io.kioskfleet.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.kioskfleet.app.ApiClient.Answer;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A facilities admin keeps a site's floors and desks up to date from the console (in Japanese):
 * renames a floor, takes a desk out of use, removes a desk nobody has booked, and is told why a
 * booked desk and a floor with desks are not removed.
 */
class SiteUpkeepInBrowserTest extends BrowserStory {

    private WebElement field(String id) {
        return browser.findElement(By.id(id));
    }

    @Test
    void adminRenamesAFloorRetiresAndRemovesDesksButNotABookedOne() throws Exception {
        String site = admin.post("/api/v1/sites", "{\"ouId\":\"" + newBranch(20) + "\",\"name\":\"" + unique("西庁舎") + "\"}").text("id");
        String floor = admin.post("/api/v1/sites/" + site + "/floors", "{\"name\":\"1F\"}").json()
            .path("floors").get(0).path("id").asString();
        String booked = unique("1F-A");
        String spare = unique("1F-B");
        String bookedId = null;
        for (String name : new String[] {booked, spare}) {
            String id = admin.post("/api/v1/desks", "{\"siteId\":\"" + site + "\",\"floorId\":\"" + floor + "\",\"name\":\"" + name
                + "\",\"attributes\":[]}").text("id");
            bookedId = bookedId == null ? id : bookedId;
        }
        Answer booking = admin.post("/api/v1/bookings", "{\"deskId\":\"" + bookedId + "\",\"date\":\""
            + LocalDate.now(ZoneId.of("Asia/Tokyo")).plusDays(1) + "\",\"kind\":\"MORNING\",\"user\":\"" + unique("u").toLowerCase() + "\"}");
        assertThat(booking.status()).as(booking.body()).isEqualTo(201);

        browser = Browser.open("ja");
        browser.get(url("/sites/" + site));
        Browser.signIn(browser, "admin", ADMIN_PASSWORD);

        WebElement floorName = browser.findElement(By.cssSelector("#floors li input[name=name]"));
        floorName.clear();
        floorName.sendKeys("1階");
        browser.findElement(By.cssSelector("#floors li form button")).click();
        assertThat(field("floors").getText()).contains("名前を変更");
        assertThat(browser.findElement(By.cssSelector("#floors li input[name=name]")).getAttribute("value")).isEqualTo("1階");

        field("edit-" + spare).click();
        field("desk-edit-bookable").click();
        field("desk-edit-save").click();
        assertThat(field("desks").getText()).contains(spare).contains("利用停止中");

        field("edit-" + booked).click();
        field("desk-remove").click();
        assertThat(field("desk-errors").getText()).isEqualTo(
            "この座席には本日以降の予約があります。利用停止にして新しい予約を止め、予約が終わってから削除するか、先に予約を取り消してください。");

        browser.get(url("/sites/" + site));
        field("edit-" + spare).click();
        field("desk-remove").click();
        assertThat(field("desks").getText()).contains(booked).doesNotContain(spare);

        browser.findElement(By.className("remove-floor")).click();
        assertThat(field("site-errors").getText())
            .isEqualTo("このフロアにはまだ座席があります。先に座席を削除するか、別のフロアへ移してください。");
    }
}
