{{%AUTOESCAPE context="HTML"}}<section aria-labelledby="meeting-perspectives" class="mb-7">
<h2 id="meeting-perspectives">{{t_pp_list_heading}}</h2>
{{#NONE}}<p>{{t_pp_list_none}}</p>{{/NONE}}{{#PERSPECTIVE}}<div class="samspil-perspective mb-5">
<h3 class="h5">{{author}} <span class="samspil-overview-meta">({{t_pp_last_saved}} {{updated}})</span></h3>
<p>{{text}}</p>
</div>
{{/PERSPECTIVE}}</section>
